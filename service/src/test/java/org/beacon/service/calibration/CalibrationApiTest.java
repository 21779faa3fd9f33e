package org.beacon.service.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.service.Http;
import org.beacon.service.RunPolling;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Calibrations over HTTP: the COVID-19 example swept end to end, its files, and every refusal before any work. */
@ServiceTest
class CalibrationApiTest {

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    CalibrationService calibrations;

    private Http http() {
        return new Http(port, users.reviewer());
    }

    private long stored() {
        return http().get("/calibrations").json().at("/total").asLong();
    }

    private static List<Http.Field> covid(String... more) {
        List<Http.Field> fields = new java.util.ArrayList<>(List.of(new Http.Field("example", COVID),
                new Http.Field("source", "canghailan"), new Http.Field("actualExample",
                        "covid-2020-response-levels.csv")));
        for (int i = 0; i < more.length; i += 2) {
            fields.add(new Http.Field(more[i], more[i + 1]));
        }
        return fields;
    }

    private Http.Response start(List<Http.Field> fields) {
        return http().postForm("/calibrations", fields, List.of());
    }

    private JsonNode awaitEnd(String self) {
        return RunPolling.awaitEnd(http(), self);
    }

    @Test
    void sweepsTwoParametersOfTheCovidExampleAndRanksEveryCombination() throws Exception {
        Http.Response accepted = start(covid("vary", "stepDown_minDays=14..28:14", "vary",
                "covid_I_newCases7d=50..100:50"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().at("/combinations").asInt()).isEqualTo(4);
        JsonNode run = awaitEnd(accepted.json().at("/links/self").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/caller").asString()).isEqualTo(users.reviewer().username());
        assertThat(run.at("/ruleSet").asString()).isEqualTo("v1");
        assertThat(run.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(run.at("/inputs/timelineSha256").asString()).hasSize(64);
        JsonNode ranked = run.at("/summary/ranked");
        assertThat(ranked).hasSize(4);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).at("/score").asDouble()).isGreaterThanOrEqualTo(
                    ranked.get(i - 1).at("/score").asDouble());
        }
        assertThat(run.at("/summary/toType")).extracting(c -> c.at("/cell").asString())
                .containsExactlyInAnyOrder("escalation.xlsx Parameters!B6", "escalation.xlsx Parameters!B3");
        assertThat(run.at("/summary/toType/0/value").asString())
                .isEqualTo(ranked.get(0).at("/parameters/" + run.at("/summary/toType/0/parameter").asString())
                        .asString());
        assertThat(run.at("/summary/today/stepDown_minDays").asInt()).isEqualTo(14);

        String csv = new String(http().download(run.at("/links/csv").asString()).body(), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(1 + 4 + 1);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("rank,");
        Http.Binary xlsx = http().download(run.at("/links/xlsx").asString());
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(2);
        }
        assertThat(http().get("/calibrations").json().at("/items/0/id").asString())
                .isEqualTo(run.at("/id").asString());
    }

    @Test
    void aRefusedSweepCarriesItsWordsForAPageInEitherLanguage() {
        for (List<String> vary : List.of(List.of("stepDown_minDays=28..14:7"), List.<String>of(),
                List.of("stepDown_minDayz=7..14:7"))) {
            CalibrationRequest request = new CalibrationRequest(null, COVID, null, "covid-2020-response-levels.csv",
                    null, "canghailan", null, null, null, null, null, vary, null);
            assertThatThrownBy(() -> calibrations.start(request, "reviewer"))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        FieldError error = e.errors().get(0);
                        assertThat(error.pointer()).isEqualTo("vary");
                        assertThat(DiagnosticMessages.render(error.text(), Locale.ENGLISH)).isEqualTo(error.detail());
                        assertThat(DiagnosticMessages.render(error.text(), Locale.SIMPLIFIED_CHINESE))
                                .containsAnyOf("stepDown_minDays 的区间为空：28 大于 14",
                                        "没有要标定的参数：请至少给出一个 vary 参数名=起..止:步长",
                                        "未知参数“stepDown_minDayz”：没有任何 Parameters 工作表声明该参数")
                                .doesNotContain("the range", "nothing to vary", "unknown parameter", "did you mean");
                    });
        }
    }

    @Test
    void refusesEachBadSweepBeforeAnyWorkAndStoresNothing() {
        long before = stored();
        Http.Response unknown = start(covid("vary", "stepDown_minDayz=7..14:7"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
        assertThat(unknown.json().at("/errors/0/pointer").asString()).isEqualTo("vary");
        assertThat(unknown.json().at("/errors/0/detail").asString()).contains("stepDown_minDayz",
                "stepDown_minDays");

        Http.Response empty = start(covid("vary", "stepDown_minDays=28..14:7"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/pointer").asString()).isEqualTo("vary");
        assertThat(empty.json().at("/errors/0/detail").asString())
                .isEqualTo("the range of stepDown_minDays is empty: 28 is above 14");

        Http.Response overCap = start(covid("vary", "stepDown_minDays=1..100:1", "vary",
                "covid_I_newCases7d=1..100:1"));
        assertThat(overCap.status()).isEqualTo(400);
        assertThat(overCap.json().at("/errors/0/detail").asString()).contains("10000", "500");

        Http.Response nothing = start(covid());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().at("/errors/0/pointer").asString()).isEqualTo("vary");
        assertThat(nothing.json().at("/errors/0/detail").asString())
                .isEqualTo("nothing to vary: give at least one vary name=from..to:step");

        Http.Response objective = start(covid("vary", "stepDown_minDays=14..28:7", "objective", "fastest"));
        assertThat(objective.status()).isEqualTo(400);
        assertThat(objective.json().at("/errors/0/pointer").asString()).isEqualTo("objective");

        Http.Response version = start(covid("vary", "stepDown_minDays=14..28:7", "ruleSet", "v999"));
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.json().at("/type").asString()).endsWith("rule-set-not-found");

        Http.Response timeline = http().postForm("/calibrations", List.of(new Http.Field("vary",
                "stepDown_minDays=14..28:7"), new Http.Field("actualExample", "covid-2020-response-levels.csv"),
                new Http.Field("eventType", "covid19")), List.of(new Http.FilePart("timeline", "t.csv",
                "date,region,cumulativeConfirmed\n2020-01-2x,420000,3\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(timeline.status()).isEqualTo(400);
        assertThat(timeline.json().at("/errors/0/pointer").asString()).isEqualTo("timeline:2 date");

        Http.Response noActual = http().postForm("/calibrations", List.of(new Http.Field("example", COVID),
                new Http.Field("source", "canghailan"), new Http.Field("vary", "stepDown_minDays=14..28:7")),
                List.of());
        assertThat(noActual.status()).isEqualTo(400);
        assertThat(noActual.json().at("/errors/0/pointer").asString()).isEqualTo("actual");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCallerCannotCalibrateAndUnknownIdsAre404() {
        Http.Response caller = new Http(port, users.caller()).postForm("/calibrations", covid("vary",
                "stepDown_minDays=14..28:7"), List.of());
        assertThat(caller.status()).isEqualTo(403);
        Http.Response none = http().get("/calibrations/" + java.util.UUID.randomUUID());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().at("/type").asString()).endsWith("calibration-not-found");
        assertThat(http().get("/calibrations/not-an-id/calibration.csv").status()).isEqualTo(404);
    }
}
