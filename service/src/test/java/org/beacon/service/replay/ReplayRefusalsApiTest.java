package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.beacon.rules.replay.DataIssue;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Every way a replay request is refused over HTTP, and that a refusal stores nothing: bad fields named one by one,
 * example names that would leave the folder, cells at their line and column, a value over the limit, an unknown
 * version or replay. The replays that run: {@link ReplayApiTest}.
 */
@ServiceTest
class ReplayRefusalsApiTest {

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ReplayInputReader inputs;

    @Autowired
    RuleSetRegistry registry;

    private Http http() {
        return new Http(port, users.admin());
    }

    @Test
    void refusesAMixedSourceTimelineWithoutASourceAndStoresNothing() {
        long before = Replays.stored(http());
        Http.Response r = Replays.start(http(), Replays.form("example", COVID));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
        assertThat(p.at("/errors/0/code").asString()).isEqualTo("SEVERAL_SOURCES");
        assertThat(p.at("/errors/0/pointer").asString()).isEqualTo("example");
        assertThat(p.at("/errors/0/detail").asString()).contains("canghailan", "jhu", "source=");
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void refusesBadParametersNamingEachField() {
        long before = Replays.stored(http());
        Http.Response r = Replays.start(http(), Replays.form("example", COVID, "source", "canghailan", "step",
                "week", "missingDays", "guess", "level", "continent"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors")).extracting(e -> e.at("/pointer").asString())
                .containsExactlyInAnyOrder("step", "missingDays", "level");
        assertThat(r.json().at("/errors").toString()).contains("'week' is not a step; use day or month");

        Http.Response none = Replays.start(http(), Replays.form("source", "canghailan"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errors/0/pointer").asString()).isEqualTo("timeline");
        assertThat(none.json().at("/errors/0/detail").asString()).contains(COVID);

        Http.Response noEventType = http().postForm("/replays", Replays.form(), List.of(new Http.FilePart(
                "timeline", "t.csv", "date,region,cases\n2020-01-01,330100,3\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(noEventType.status()).isEqualTo(400);
        assertThat(noEventType.json().at("/errors/0/pointer").asString()).isEqualTo("eventType");

        Http.Response textForFile = Replays.start(http(), Replays.form("timeline", "date,region\n"));
        assertThat(textForFile.status()).as(textForFile.body()).isEqualTo(400);
        assertThat(textForFile.contentType()).startsWith("application/problem+json");
        assertThat(textForFile.json().at("/errors/0/pointer").asString()).isEqualTo("timeline");
        assertThat(textForFile.json().at("/errors/0/detail").asString()).contains("must be a file");
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void refusesExampleNamesThatLeaveTheExamplesFolder() {
        for (String name : List.of("../tables/national-grading.xlsx", "..", "timelines/" + COVID, "/etc/passwd",
                "..\\README.md")) {
            Http.Response r = Replays.start(http(), Replays.form("example", name));
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("example");
        }
        Http.Response unknown = Replays.start(http(), Replays.form("example", "measles-2030.csv"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/detail").asString()).contains("measles-2030.csv", COVID);
        Http.Response actual = Replays.start(http(), Replays.form("example", COVID, "source", "jhu",
                "actualExample", "../tables/README.md"));
        assertThat(actual.json().at("/errors/0/pointer").asString()).isEqualTo("actualExample");
    }

    @Test
    void pointsAtTheLineAndColumnOfEachBadCellAndStoresNothing() {
        long before = Replays.stored(http());
        String timeline = "date,region,cumulativeConfirmed\n2020-01-20,330100,0\n2020-01-21,330100,many\n"
                + "2020-01-2x,330100,3\n";
        String actual = "region,date,level\n330100,2020-01-21,V\n";
        Http.Response r = http().postForm("/replays", Replays.form("eventType", "covid19"), List.of(
                new Http.FilePart("timeline", "t.csv", timeline.getBytes(StandardCharsets.UTF_8)),
                new Http.FilePart("actual", "a.csv", actual.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors")).extracting(e -> e.at("/pointer").asString())
                .containsExactlyInAnyOrder("timeline:3 cumulativeConfirmed", "timeline:4 date", "actual:2 level");
        assertThat(r.json().at("/errors")).allSatisfy(e -> assertThat(e.at("/code").asString())
                .isEqualTo("INVALID_VALUE"));
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void refusesACountAboveOneBillionAtOnceInsteadOfFailingTheRunAndStoresNothing() {
        long before = Replays.stored(http());
        Http.Response r = Replays.startWith(http(), "date,region,regionName,cumulativeConfirmed\n2020-01-20,330100,杭州市,0\n"
                + "2020-01-21,330100,杭州市,1e308\n", "eventType", "covid19");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("timeline:3 cumulativeConfirmed");
        assertThat(r.json().at("/errors/0/detail").asString()).contains("'1e308'", "at most 1000000000");
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void missingDaysPointsAtTheFieldThatAnswersItAndNamesTheRegion() {
        Http.Response r = Replays.startWith(http(), "date,region,cumulativeConfirmed\n2020-01-20,330100,0\n2020-01-23,330100,4\n",
                "eventType", "covid19");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode error = r.json().at("/errors/0");
        assertThat(error.at("/code").asString()).isEqualTo("MISSING_DAYS");
        assertThat(error.at("/pointer").asString()).isEqualTo("missingDays");
        assertThat(error.at("/detail").asString()).contains("region 330100", "2 missing", "zeroFill");
    }

    @Test
    void missingDaysNamesTheRegionInEitherLanguage() {
        MockMultipartFile gap = new MockMultipartFile("timeline", "gap.csv", "text/csv",
                "date,region,cumulativeConfirmed\n2020-01-20,330100,0\n2020-01-23,330100,4\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> inputs.readTimeline(new ReplayInputReader.TimelineFields(gap, null, null, null,
                null, "covid19", null), null, null, null, List.of(registry.current())))
                .isInstanceOfSatisfying(InvalidReplayInputException.class, e -> {
                    DataIssue issue = e.issues().get(0);
                    assertThat(issue.where()).isEqualTo("missingDays");
                    assertThat(issue.detail(Locale.ENGLISH)).isEqualTo(issue.detail()).startsWith("region 330100: ");
                    assertThat(issue.detail(Locale.SIMPLIFIED_CHINESE)).startsWith("地区 330100：")
                            .contains("缺失日期 2 天").doesNotContain("region", "missing between");
                });
    }

    @Test
    void onlyTheExampleTimelinesCanBeNamedAsExamples() {
        long before = Replays.stored(http());
        for (String field : List.of("example", "actualExample")) {
            Http.Response r = Replays.start(http(), field.equals("example") ? Replays.form("example", "README.md")
                    : Replays.form("example", COVID, "source", "canghailan", field, "README.md"));
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.json().at("/errors")).as(field).singleElement().satisfies(e -> {
                assertThat(e.at("/pointer").asString()).isEqualTo(field);
                assertThat(e.at("/detail").asString()).contains("README.md", COVID, "covid-2020-response-levels.csv")
                        .doesNotContain("examples: README.md");
            });
        }
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void refusesControlCharactersInRegionNamesAtTheirCell() {
        Http.Response r = Replays.startWith(http(), "date,region,regionName,cumulativeConfirmed\n2020-01-20,330100,\t=1+1,0\n",
                "eventType", "covid19");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("timeline:2 regionName");
        assertThat(r.json().at("/errors/0/detail").asString()).contains("control characters");
    }

    @Test
    void refusesAnUnknownRuleSetWith404AndStoresNothing() {
        long before = Replays.stored(http());
        Http.Response r = Replays.start(http(), Replays.form("example", COVID, "source", "canghailan",
                "compareWith", "v99"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:rule-set-not-found");
        assertThat(r.json().at("/detail").asString()).contains("v99");
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void answers404ForUnknownReplays() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/replays/" + unknown, "/replays/not-an-id", "/replays/" + unknown + "/steps.csv",
                "/replays/" + unknown + "/report.xlsx")) {
            Http.Response r = http().get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:replay-not-found");
        }
        assertThat(http().get("/replays?size=0").status()).isEqualTo(400);
    }
}
