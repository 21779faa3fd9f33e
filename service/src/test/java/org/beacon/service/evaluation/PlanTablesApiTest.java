package org.beacon.service.evaluation;

import org.beacon.service.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Each bundled workbook beyond grading, called over HTTP with the requests of {@code examples/}: the reporting duty,
 * the multi-point surveillance warning, the five-colour risk map, and the response (measures with departments,
 * who decides, capacity warnings, termination).
 */
@ServiceTest
class PlanTablesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http http() {
        return new Http(port, users.admin());
    }

    private static String example(String path) throws Exception {
        return Files.readString(Workbooks.root().resolve("examples/" + path));
    }

    private JsonNode evaluate(String body) {
        Http.Response r = http().postJson("/evaluations", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
        return out;
    }

    @Test
    void aMeaslesClusterAtASchoolMustBeReportedWithinTwoHours() throws Exception {
        JsonNode d = evaluate(example("requests/measles-school-12-cases.json"));
        assertThat(d.at("/reporting/required").asBoolean()).isTrue();
        assertThat(d.at("/reporting/withinHours").asInt()).isEqualTo(2);
        assertThat(texts(d.at("/reporting/to"))).singleElement().asString().contains("县级疾控机构");
        assertThat(texts(d.at("/firedRules"))).allMatch(id -> id.startsWith("Reporting!R"));

        JsonNode nine = evaluate(example("requests/measles-school-12-cases.json").replace("\"cases\":12",
                "\"cases\":9"));
        assertThat(nine.at("/reporting/required").asBoolean()).as("9 cases are below the threshold of 10").isFalse();
        JsonNode twoWeeks = evaluate(example("requests/measles-school-12-cases.json").replace("\"windowDays\":7",
                "\"windowDays\":14"));
        assertThat(twoWeeks.at("/reporting/required").asBoolean()).as("12 cases over two weeks are not 10 in one")
                .isFalse();
    }

    @Test
    void severalSurveillanceSignalsRaiseTheWarningTogether() throws Exception {
        JsonNode d = evaluate(example("requests/influenza-signals-multi-point.json"));
        List<String> colours = new ArrayList<>();
        d.at("/signals").forEach(s -> colours.add(s.at("/source").asString() + "=" + text(s.at("/warningColour"))));
        assertThat(colours).containsExactly("ili=orange", "notifiableDisease=yellow", "schoolAbsenteeism=");
        JsonNode ili = d.at("/signals/0");
        assertThat(ili.at("/statistics/ratio5yMean").asDouble()).isGreaterThan(3);
        assertThat(ili.at("/statistics/cidarsPercentile").asInt()).isEqualTo(100);
        assertThat(ili.at("/lastDay").asString()).isEqualTo("2026-03-10");
        assertThat(d.at("/warningColour").asString()).isEqualTo("orange");
        assertThat(texts(d.at("/firedRules"))).as("two yellow-or-worse signals make orange")
                .contains("MultiPoint!R8");
        assertThat(d.at("/riskLevel/name").asString()).isEqualTo("中");

        JsonNode quiet = evaluate(example("requests/influenza-signals-multi-point.json")
                .replaceAll("\\{\"source\":\"(ili|notifiableDisease)\"[^}]*},", ""));
        assertThat(quiet.at("/signals")).hasSize(1);
        assertThat(text(quiet.at("/warningColour"))).isEmpty();
        assertThat(quiet.at("/riskLevel/name").asString()).as("signals sent, none alarming").isEqualTo("极低");
    }

    @Test
    void aBadSignalIsRefusedWithItsPointerAndStoresNothing() throws Exception {
        long before = http().get("/evaluations?size=1").json().at("/total").asLong();
        String situation = "{\"eventType\":\"influenza\",\"region\":{\"code\":\"330106\",\"name\":\"西湖区\","
                + "\"level\":\"county\"},\"asOf\":\"2026-03-10\",\"indicators\":{},\"signals\":[{\"source\":"
                + "\"twitter\",\"start\":\"2026-03-08\",\"values\":[1,2,-3]}]}";
        for (String body : List.of(situation, "{\"situations\":[" + situation + "]}")) {
            boolean batch = body.startsWith("{\"situations\"");
            Http.Response r = http().postJson(batch ? "/evaluations/batch" : "/evaluations", body);
            String prefix = batch ? "/situations/0" : "";
            if (batch) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().at("/results/0/error/errors")).hasSize(2);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
            assertThat(r.body()).contains(prefix + "/signals/0/source").contains("twitter")
                    .contains(prefix + "/signals/0/values/2");
        }
        assertThat(http().get("/evaluations?size=1").json().at("/total").asLong()).isEqualTo(before);
    }

    /** The multi-point example with only its ili series, sent {@code times} times. */
    private static String iliOnly(int times) throws Exception {
        String example = example("requests/influenza-signals-multi-point.json");
        Matcher ili = Pattern.compile("\\{\"source\":\"ili\"[^}]*}").matcher(example);
        assertThat(ili.find()).isTrue();
        String signals = String.join(",", Collections.nCopies(times, ili.group()));
        return example.replaceFirst("\"signals\":\\[.*]", Matcher.quoteReplacement("\"signals\":["
                + signals + "]"));
    }

    private long audited() {
        return http().get("/evaluations?size=1").json().at("/total").asLong();
    }

    @Test
    void theSameSignalSourceTwiceIsRefusedNamingBothInsteadOfCountedTwice() throws Exception {
        // sent twice, the one ili series counted as two orange signals and the multi-point table made it red
        assertThat(evaluate(iliOnly(1)).at("/warningColour").asString()).isEqualTo("orange");
        long before = audited();

        Http.Response r = http().postJson("/evaluations", iliOnly(2));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
        assertThat(r.json().at("/errors")).hasSize(1);
        assertThat(r.json().at("/errors/0/pointer").asString()).isEqualTo("/signals/1/source");
        assertThat(r.json().at("/errors/0/detail").asString()).contains("/signals/0/source")
                .contains("one series per source");
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void aDailyCountAboveTheBoundIsRefusedAtItsDayAndABatchDecidesTheOthers() throws Exception {
        // a week of 1e308 overflows to infinity: a 500, and inside a batch the whole batch was a 500
        String once = iliOnly(1);
        int days = once.substring(once.indexOf("\"values\":[")).split(",").length;
        String huge = once.replaceFirst("\"values\":\\[[^\\]]*]", "\"values\":["
                + String.join(",", Collections.nCopies(days, "1e308")) + "]");
        long before = audited();

        Http.Response single = http().postJson("/evaluations", huge);
        assertThat(single.status()).as(single.body()).isEqualTo(400);
        assertThat(single.json().at("/errors/0/pointer").asString()).isEqualTo("/signals/0/values/0");
        assertThat(single.json().at("/errors/0/detail").asString()).contains("1000000000");

        Http.Response r = http().postJson("/evaluations/batch", "{\"situations\":[" + once + "," + huge + ","
                + iliOnly(2) + "," + example("requests/cholera-county-12.json") + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode b = r.json();
        assertThat(b.at("/failed").asInt()).isEqualTo(2);
        assertThat(b.at("/results/0/evaluation/warningColour").asString()).isEqualTo("orange");
        assertThat(b.at("/results/1/error/errors/0/pointer").asString()).isEqualTo("/situations/1/signals/0/values/0");
        assertThat(b.at("/results/2/error/errors/0/pointer").asString()).isEqualTo("/situations/2/signals/1/source");
        assertThat(b.at("/results/3/evaluation/grade/numeral").asString()).isEqualTo("Ⅲ");
        assertThat(audited()).as("the two decided, nothing else").isEqualTo(before + 2);
    }

    @Test
    void theRiskMapColoursEveryRegionWithItsReasons() throws Exception {
        Http.Response r = http().postJson("/risk-map", example("risk-map/five-counties.json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode map = r.json();
        List<String> colours = new ArrayList<>();
        map.at("/regions").forEach(region -> colours.add(region.at("/region/name").asString() + "="
                + region.at("/colour").asString()));
        assertThat(colours).containsExactly("甲县=red", "乙县=orange", "丙县=yellow", "丁县=blue", "戊县=green");
        assertThat(map.at("/colours/red").asInt()).isEqualTo(1);
        assertThat(map.at("/colours/green").asInt()).isEqualTo(1);
        JsonNode red = map.at("/regions/0");
        assertThat(texts(red.at("/rules"))).contains("RiskMap!R7");
        List<String> reasons = new ArrayList<>();
        red.at("/reasons").forEach(c -> reasons.add(c.at("/indicator").asString() + "=" + c.at("/value")));
        assertThat(reasons).contains("cumulativeConfirmed=120", "clusters14d=3");
    }

    @Test
    void aRiskMapWithOneBadRegionIsRefusedWholeAndStoresNothing() throws Exception {
        long before = http().get("/evaluations?size=1").json().at("/total").asLong();
        String bad = example("risk-map/five-counties.json").replace("\"cumulativeConfirmed\":8",
                "\"cumulativeConfirmed\":-8");
        Http.Response r = http().postJson("/risk-map", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("/regions/2/indicators/cumulativeConfirmed");
        assertThat(http().get("/evaluations?size=1").json().at("/total").asLong()).isEqualTo(before);
    }

    @Test
    void aGradeBringsItsMeasuresWithDepartmentsWhoDecidesCapacityWarningsAndWhetherItMayEnd() throws Exception {
        JsonNode d = evaluate(example("requests/cholera-prefecture-30-response.json"));
        assertThat(d.at("/grade/numeral").asString()).isEqualTo("Ⅱ");
        assertThat(d.at("/response/grade/numeral").asString()).isEqualTo("Ⅱ");
        assertThat(d.at("/response/given").asBoolean()).isFalse();
        assertThat(texts(d.at("/outputs/startDecidedBy"))).containsExactly("省人民政府");

        JsonNode lockdown = null;
        JsonNode investigation = null;
        for (JsonNode m : d.at("/measures")) {
            if (m.at("/code").asString().equals("lockdownEpidemicArea")) {
                lockdown = m;
            } else if (m.at("/code").asString().equals("epidemiologicalInvestigation")) {
                investigation = m;
            }
        }
        assertThat(lockdown).as("cholera is class A: a Ⅱ response may lock down the area").isNotNull();
        assertThat(texts(lockdown.at("/lead"))).containsExactly("省人民政府");
        assertThat(lockdown.at("/responsible")).isNotEmpty();
        assertThat(investigation).as("early control starts at once").isNotNull();
        assertThat(investigation.at("/withinHours").asInt()).isZero();

        assertThat(texts(d.at("/outputs/capacityWarning"))).as("20 days of stock at a prefecture")
                .anyMatch(w -> w.contains("30天"));
        assertThat(d.at("/termination/code").asString()).as("2 days since the last cholera case, 5 needed")
                .isEqualTo("continue");

        JsonNode iv = evaluate(example("requests/cholera-prefecture-30-response.json")
                .replace("\"cases\":30", "\"cases\":12"));
        assertThat(iv.at("/response/grade/numeral").asString()).isEqualTo("Ⅲ");
        List<String> codes = new ArrayList<>();
        iv.at("/measures").forEach(m -> codes.add(m.at("/code").asString()));
        assertThat(codes).as("a Ⅲ response does not lock down").doesNotContain("lockdownEpidemicArea")
                .contains("epidemiologicalInvestigation");
    }

    @Test
    void theResponseMayEndOneMaximumIncubationPeriodAfterTheLastCase() throws Exception {
        JsonNode d = evaluate(example("requests/cholera-response-may-end.json"));
        assertThat(d.at("/termination/code").asString()).isEqualTo("mayEnd");
        assertThat(d.at("/response/given").asBoolean()).isTrue();
        assertThat(texts(d.at("/outputs/terminationApprovedBy"))).singleElement().asString().contains("县");

        JsonNode four = evaluate(example("requests/cholera-response-may-end.json")
                .replace("\"daysSinceLastCase\":5", "\"daysSinceLastCase\":4"));
        assertThat(four.at("/termination/code").asString()).as("cholera's statutory incubation is 5 days")
                .isEqualTo("continue");
    }
}
