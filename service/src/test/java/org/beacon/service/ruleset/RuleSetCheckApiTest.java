package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /rule-sets/check}: the same form and the same checks as an upload, and nothing stored whatever the
 * outcome; the version list is the same before and after each call.
 */
@ServiceTest
class RuleSetCheckApiTest {

    private static final String GRADING = CholeraThresholds.WORKBOOK;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http editor() {
        return new Http(port, users.editor());
    }

    private String versions() {
        return editor().get("/rule-sets").body();
    }

    private Http.Response check(Map<String, String> fields, Map<String, byte[]> files) {
        return editor().postFiles("/rule-sets/check", fields, files);
    }

    @Test
    void aBrokenThresholdCellIsAnErrorAtItsCellAndNothingIsStored() {
        String before = versions();
        Http.Response r = check(Map.of("comment", "cholera Ⅱ from 3O"), Map.of(GRADING, CholeraThresholds.broken()));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/valid").asBoolean()).isFalse();
        assertThat(body.at("/base").asString()).isEqualTo("v1");
        assertThat(body.at("/detail").asString()).contains("nothing was stored");
        JsonNode error = body.at("/diagnostics").valueStream().filter(d -> d.at("/severity").asString()
                .equals("error")).findFirst().orElseThrow();
        assertThat(error.at("/workbook").asString()).isEqualTo(GRADING);
        assertThat(error.at("/cell").asString()).isEqualTo(CholeraThresholds.THRESHOLD_CELL);
        assertThat(error.at("/code").asString()).isNotBlank();
        assertThat(body.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(body.at("/summary/tables").asInt()).as("counted from the cells, errors or not").isPositive();
        assertThat(body.at("/tests").size()).as("tests do not run on workbooks with errors").isZero();
        assertThat(body.at("/diff").isMissingNode() || body.at("/diff").isNull()).isTrue();
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aCorrectedWorkbookIsValidWithItsTestsSummaryAndDiffAgainstTheVersionInForceAndNothingIsStored() {
        String before = versions();
        Http.Response r = check(Map.of("comment", "cholera Ⅱ from 25", "effectiveFrom", "2099-01-01"),
                Map.of(GRADING, CholeraThresholds.from25()));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/valid").asBoolean()).as(body.at("/diagnostics").toString()).isTrue();
        assertThat(body.at("/existing").isMissingNode() || body.at("/existing").isNull()).isTrue();
        assertThat(body.at("/detail").asString()).contains("v1 with national-grading.xlsx replaced");
        assertThat(texts(body.at("/workbooks"))).hasSize(6).contains(GRADING, "reporting.xlsx");
        assertThat(texts(body.at("/replacedWorkbooks"))).containsExactly(GRADING);
        JsonNode summary = body.at("/summary");
        assertThat(summary.at("/workbooks").asInt()).isEqualTo(6);
        assertThat(summary.at("/ruleRows").asInt()).isEqualTo(214);
        assertThat(summary.at("/testsFailed").asInt()).isZero();
        assertThat(summary.at("/testsPassed").asInt()).isEqualTo(body.at("/tests").size()).isGreaterThan(300);
        assertThat(body.at("/tests/0/row").asString()).matches("Tests!R\\d+");
        assertThat(body.at("/diff/from").asString()).isEqualTo("v1");
        assertThat(body.at("/diff/to").asString()).isEqualTo("checked");
        assertThat(body.at("/diff/changes").valueStream().map(c -> c.at("/subject").asString() + " "
                + c.at("/where").asString()).toList()).contains("row Cholera!R8", "row Cholera!R10");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void workbooksThatAreAlreadyAVersionNameIt() {
        Http.Response r = check(Map.of(), Map.of(GRADING, CholeraThresholds.bundledWorkbook()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/existing").asString()).isEqualTo("v1");
        assertThat(r.json().at("/diff/changes").size()).isZero();
    }

    @Test
    void badFormFieldsAreProblemsNamingEachFieldAndNothingIsStored() {
        String before = versions();
        Http.Response r = editor().postForm("/rule-sets/check", List.of(new Http.Field("replace", "some"),
                new Http.Field("comment", "x".repeat(2001))), List.of(new Http.FilePart("files", "grading.xls",
                new byte[] {1, 2})));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().at("/errors").valueStream().map(e -> e.at("/pointer").asString()).toList())
                .contains("comment", "replace", "files/0");

        Http.Response nothing = editor().postForm("/rule-sets/check", Map.of("comment", "no files"), List.of());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().at("/errors/0/pointer").asString()).isEqualTo("files");

        Http.Response unknownBase = check(Map.of("base", "v999"), Map.of(GRADING, CholeraThresholds.from25()));
        assertThat(unknownBase.status()).isEqualTo(404);
        assertThat(unknownBase.contentType()).isEqualTo("application/problem+json");

        Http.Response removeNothing = check(Map.of("remove", "none.xlsx"), Map.of());
        assertThat(removeNothing.status()).isEqualTo(400);
        assertThat(removeNothing.json().at("/errors/0/detail").asString()).contains("is not a workbook of v1");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void theCheckIsDocumentedInTheOpenApiDescription() {
        String docs = new Http(port).get("/v3/api-docs").body();
        assertThat(docs).contains("\"/rule-sets/check\"", "Check workbooks as an upload would, storing nothing");
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
