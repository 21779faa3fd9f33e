package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code ?margins=true} on a decision, a batch and the risk map: how close each indicator is to another answer. */
@ServiceTest
class MarginsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    EvaluationService evaluations;

    private Http http() {
        return new Http(port, users.admin());
    }

    private static String example(String path) throws Exception {
        return Files.readString(Workbooks.root().resolve("examples/" + path));
    }

    private long audited() {
        return http().get("/evaluations?size=1").json().at("/total").asLong();
    }

    @Test
    void saysTwelveCholeraCasesAreEighteenShortOfGradeTwoAndThreeAboveGradeFour() throws Exception {
        Http.Response r = http().postJson("/evaluations?margins=true", example("requests/cholera-county-12.json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cases = r.json().at("/margins/0");
        assertThat(cases.at("/indicator").asString()).isEqualTo("cases");
        assertThat(cases.at("/value").decimalValue()).isEqualByComparingTo("12");
        assertThat(cases.at("/above/changes").asBoolean()).isTrue();
        assertThat(cases.at("/above/value").decimalValue()).isEqualByComparingTo("30");
        assertThat(cases.at("/above/bound").asString()).isEqualTo("at");
        assertThat(cases.at("/above/distance").decimalValue()).isEqualByComparingTo("18");
        assertThat(cases.at("/above/answer/grade/numeral").asString()).isEqualTo("Ⅱ");
        assertThat(cases.at("/above/answer/warningColour").asString()).isEqualTo("orange");
        assertThat(cases.at("/above/rows/0").asString()).isEqualTo("Cholera!R8");
        assertThat(cases.at("/below/value").decimalValue()).isEqualByComparingTo("9");
        assertThat(cases.at("/below/answer/grade/numeral").asString()).isEqualTo("Ⅳ");
        JsonNode counties = r.json().at("/margins/1");
        assertThat(counties.at("/indicator").asString()).isEqualTo("countiesAffected");
        assertThat(counties.at("/above/changes").asBoolean()).isFalse();
        assertThat(counties.at("/above").has("value")).isFalse();
        assertThat(counties.at("/range").asString()).isEqualTo("[0, 3000]");
        assertThat(counties.at("/sameAnswerAbove/value").decimalValue()).isEqualByComparingTo("2");
        assertThat(counties.at("/sameAnswerAbove/changes").asBoolean()).isFalse();
        assertThat(counties.at("/sameAnswerAbove/rows/0").asString()).isEqualTo("Cholera!R11");
    }

    @Test
    void auditsTheDecisionWithItsMarginsByteForByte() throws Exception {
        Http.Response sent = http().postJson("/evaluations?margins=true", example("requests/cholera-county-12.json"));
        Http.Response stored = http().get("/evaluations/" + sent.json().at("/evaluationId").asString());
        assertThat(stored.body()).isEqualTo(sent.body()).contains("\"margins\"");
    }

    /** The console reads an audited decision back into its record: margins must survive the trip. */
    @Test
    void readsAnAuditedDecisionBackWithItsMargins() throws Exception {
        String id = http().postJson("/evaluations?margins=true", example("requests/cholera-county-12.json")).json()
                .at("/evaluationId").asString();
        EvaluationResponse read = evaluations.audited(java.util.UUID.fromString(id)).orElseThrow().decision();
        assertThat(read.margins()).extracting(MarginsView.IndicatorMarginView::indicator)
                .containsExactly("cases", "countiesAffected");
        assertThat(read.margins().get(0).above().value()).isEqualByComparingTo("30");
    }

    @Test
    void leavesMarginsOutWhenNotAskedFor() throws Exception {
        String body = example("requests/cholera-county-12.json");
        assertThat(http().postJson("/evaluations", body).json().has("margins")).isFalse();
        assertThat(http().postJson("/evaluations?margins=false", body).json().has("margins")).isFalse();
        String batch = http().postJson("/evaluations/batch", "{\"situations\":[" + body + "]}").body();
        assertThat(batch).doesNotContain("\"margins\"");
    }

    @Test
    void givesEachDecidedSituationOfABatchItsMargins() throws Exception {
        String body = "{\"situations\":[" + example("requests/cholera-county-12.json") + ",{\"eventType\":\"x\"}]}";
        JsonNode r = http().postJson("/evaluations/batch?margins=true&explain=false", body).json();
        assertThat(r.at("/results/0/evaluation/margins/0/above/value").decimalValue()).isEqualByComparingTo("30");
        assertThat(r.at("/results/1/error/status").asInt()).isEqualTo(400);
    }

    @Test
    void givesEachRegionOfTheRiskMapItsMargins() throws Exception {
        Http.Response r = http().postJson("/risk-map?margins=true", example("risk-map/five-counties.json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode first = r.json().at("/regions/0");
        assertThat(first.at("/margins")).isNotEmpty();
        assertThat(first.at("/margins").valueStream().map(m -> m.at("/indicator").asString()).toList())
                .contains("newCases7d", "cumulativeConfirmed");
        assertThat(http().postJson("/risk-map", example("risk-map/five-counties.json")).body())
                .doesNotContain("\"margins\"");
    }

    @Test
    void refusesAMarginsValueThatIsNotABooleanAndStoresNothing() throws Exception {
        long before = audited();
        Http.Response r = http().postJson("/evaluations?margins=maybe", example("requests/cholera-county-12.json"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void documentsTheParameterInTheOpenApi() {
        JsonNode docs = http().get("/v3/api-docs").json();
        assertThat(docs.at("/paths/~1evaluations/post/parameters").valueStream()
                .map(p -> p.at("/name").asString()).toList()).contains("margins");
        assertThat(docs.at("/paths/~1risk-map/post/parameters").valueStream()
                .map(p -> p.at("/name").asString()).toList()).contains("margins");
    }
}
