package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Known revisions sent with a replay: excluded from the counts, named with their SHA-256, refused whole when bad. */
@ServiceTest
class ReplayRevisionsApiTest {

    private static final Path REVISIONS = Path.of("../examples/timelines/covid-2020-revisions.csv");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http http() {
        return new Http(port, users.admin());
    }

    private long stored() {
        return http().get("/replays").json().at("/total").asLong();
    }

    private Http.Response start(String name, byte[] revisions) {
        return http().postForm("/replays", Replays.covid(), List.of(new Http.FilePart("revisions", name, revisions)));
    }

    private static List<JsonNode> issues(JsonNode run, String code) {
        List<JsonNode> out = new java.util.ArrayList<>();
        run.at("/summary/issues").forEach(i -> {
            if (i.at("/code").asString().equals(code)) {
                out.add(i);
            }
        });
        return out;
    }

    @Test
    void aKnownRevisionIsExcludedFromTheCountsAndNamedWithItsSha256() throws Exception {
        byte[] bytes = Files.readAllBytes(REVISIONS);
        Http.Response r = start("covid-2020-revisions.csv", bytes);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode run = Replays.awaitEnd(http(), r.json().at("/id").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/inputs/revisions").asString()).isEqualTo("covid-2020-revisions.csv");
        assertThat(run.at("/inputs/revisionsSha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(issues(run, "KNOWN_REVISION")).extracting(i -> i.at("/detail").asString())
                .anySatisfy(d -> assertThat(d).contains("325"));
        assertThat(issues(run, "POSSIBLE_REVISION")).extracting(i -> i.at("/where").asString())
                .noneMatch(w -> w.contains("420000") && w.contains("2020-04-16"));
        run.at("/summary/transitions").forEach(t -> assertThat(t.at("/region").asString() + " "
                + t.at("/date").asString()).isNotEqualTo("420000 2020-04-16"));
    }

    @Test
    void withoutTheRevisionsTheSameRiseIsOnlyFlaggedAsPossible() {
        JsonNode run = Replays.run(http(), Replays.covid());
        assertThat(run.at("/inputs/revisions").isMissingNode()).isTrue();
        assertThat(issues(run, "POSSIBLE_REVISION")).isNotEmpty();
        assertThat(issues(run, "KNOWN_REVISION")).isEmpty();
    }

    @Test
    void refusesARevisionOfARegionTheTimelineLacksAndStoresNothing() {
        long before = stored();
        Http.Response r = start("bad.csv", "region,date\n990000,2020-04-16\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
        assertThat(r.json().at("/errors/0/pointer").asString()).startsWith("revisions");
        assertThat(r.json().at("/errors/0/detail").asString()).contains("990000");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesARevisionsFileWithoutItsColumnsAndStoresNothing() {
        long before = stored();
        Http.Response r = start("bad.csv", "when,where\n2020-04-16,420000\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asString()).startsWith("revisions");
        assertThat(stored()).isEqualTo(before);
    }
}
