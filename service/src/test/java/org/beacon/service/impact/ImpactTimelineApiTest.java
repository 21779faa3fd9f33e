package org.beacon.service.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.RunPolling;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A timeline sent with an impact run is replayed with both versions; runs are listed per version. */
@ServiceTest
class ImpactTimelineApiTest {

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http http() {
        return new Http(port, users.editor());
    }

    private long listed() {
        Http.Response r = http().get("/rule-sets/v1/impact");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/total").asLong();
    }

    @Test
    void replaysAnUploadedTimelineWithBothVersionsAndCountsItsLevelsInTheSameReport() throws Exception {
        byte[] timeline = Files.readAllBytes(Workbooks.root().resolve("examples/timelines/" + COVID));
        Http.Response accepted = http().postForm("/rule-sets/v1/impact?from=2000-01-01&to=2000-01-01",
                Map.of("source", "canghailan"), List.of(new Http.FilePart("timeline", COVID, timeline)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode run = RunPolling.awaitEnd(http(), accepted.json().at("/links/self").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/timeline/name").asString()).isEqualTo(COVID);
        assertThat(run.at("/timeline/sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(timeline)));
        long steps = run.at("/timeline/steps").asLong();
        assertThat(steps).isPositive();
        assertThat(run.at("/progress/total").asLong()).isEqualTo(steps);
        assertThat(run.at("/report/situations").asLong()).isEqualTo(steps);
        JsonNode level = null;
        for (JsonNode d : run.at("/report/transitions")) {
            if (d.at("/name").asString().equals("level")) {
                level = d;
            }
        }
        assertThat(level).as("a level dimension in %s", run.at("/report/transitions")).isNotNull();
        long counted = 0;
        for (JsonNode t : level.at("/transitions")) {
            // the same version on both sides: every step keeps its level
            assertThat(t.at("/from").asString()).isEqualTo(t.at("/to").asString());
            counted += t.at("/count").asLong();
        }
        assertThat(counted).isEqualTo(steps);
        assertThat(run.at("/report/transitions/0/transitions/0/examples/0").asString()).startsWith(COVID + ":");
        Http.Binary xlsx = http().download(run.at("/links/report").asString());
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getNumberOfSheets()).isPositive();
        }
    }

    @Test
    void listsTheRunsOfAVersionNewestFirstWithWhoRanThem() {
        String first = http().post("/rule-sets/v1/impact?examples=1", "application/x-www-form-urlencoded", "")
                .json().at("/id").asString();
        String second = http().post("/rule-sets/v1/impact?examples=2", "application/x-www-form-urlencoded", "")
                .json().at("/id").asString();
        RunPolling.awaitEnd(http(), "/rule-sets/v1/impact/" + second);
        JsonNode page = http().get("/rule-sets/v1/impact?size=2").json();
        assertThat(page.at("/items")).extracting(i -> i.at("/id").asString()).containsExactly(second, first);
        assertThat(page.at("/items/0/caller").asString()).isEqualTo(users.editor().username());
        assertThat(page.at("/items/0/comparedWith").asString()).isEqualTo("v1");
        assertThat(page.at("/total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http().get("/rule-sets/v999/impact").status()).isEqualTo(404);
        assertThat(http().get("/rule-sets/v1/impact?size=0").status()).isEqualTo(400);
    }

    @Test
    void refusesAnUnreadableTimelineAtItsLineAndStoresNothing() {
        long before = listed();
        String bad = "date,region,eventType,cumulativeConfirmed\n2020-01-20,330000,covid19,0\n"
                + "2020-01-2x,330000,covid19,3\n";
        Http.Response r = http().postForm("/rule-sets/v1/impact", Map.of(), List.of(new Http.FilePart("timeline",
                "bad.csv", bad.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("timeline:3 date");
        Http.Response unknownExample = http().postForm("/rule-sets/v1/impact", Map.of("example", "nope.csv"),
                List.of());
        assertThat(unknownExample.status()).isEqualTo(400);
        assertThat(unknownExample.json().at("/errors/0/pointer").asString()).isEqualTo("example");
        assertThat(listed()).isEqualTo(before);
    }
}
