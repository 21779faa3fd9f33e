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
 * {@code Accept-Language: zh-CN} gives each diagnostic's and test row's detail in 简体中文, with the same code, cell
 * and problem type; no header, or any other language, gives English as before.
 */
@ServiceTest
class RuleSetLanguageApiTest {

    private static final String GRADING = CholeraThresholds.WORKBOOK;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http editor(String languages) {
        Http http = new Http(port, users.editor());
        return languages == null ? http : http.acceptingLanguage(languages);
    }

    private static List<JsonNode> diagnostics(JsonNode body) {
        return body.at("/diagnostics").valueStream().toList();
    }

    @Test
    void aCheckAnswersInChineseWithTheSameCodesAndCells() {
        Map<String, byte[]> broken = Map.of(GRADING, CholeraThresholds.broken());
        Http.Response english = editor(null).postFiles("/rule-sets/check", Map.of(), broken);
        Http.Response chinese = editor("zh-CN,zh;q=0.9,en;q=0.8").postFiles("/rule-sets/check", Map.of(), broken);

        assertThat(chinese.status()).as(chinese.body()).isEqualTo(english.status()).isEqualTo(200);
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(english.header("Content-Language")).isNull();
        List<JsonNode> en = diagnostics(english.json());
        List<JsonNode> zh = diagnostics(chinese.json());
        assertThat(zh).hasSameSizeAs(en).isNotEmpty();
        for (int i = 0; i < en.size(); i++) {
            for (String field : List.of("/severity", "/workbook", "/cell", "/code")) {
                assertThat(zh.get(i).at(field).asString()).isEqualTo(en.get(i).at(field).asString());
            }
            assertThat(zh.get(i).at("/detail").asString()).isNotEqualTo(en.get(i).at("/detail").asString())
                    .containsPattern("\\p{IsHan}");
            assertThat(zh.get(i).has("text")).as("the key stays out of the JSON").isFalse();
        }
        assertThat(threshold(zh).at("/detail").asString()).contains("3O");
    }

    @Test
    void aRefusedUploadListsChineseDiagnosticsInItsProblem() {
        Map<String, byte[]> broken = Map.of(GRADING, CholeraThresholds.broken());
        Http.Response english = editor(null).postFiles("/rule-sets", Map.of("comment", "x"), broken);
        Http.Response chinese = editor("zh").postFiles("/rule-sets", Map.of("comment", "x"), broken);

        assertThat(chinese.status()).isEqualTo(english.status()).isEqualTo(422);
        assertThat(chinese.contentType()).isEqualTo("application/problem+json");
        assertThat(chinese.json().at("/type").asString()).isEqualTo(english.json().at("/type").asString());
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-CN");
        List<JsonNode> ens = diagnostics(english.json());
        List<JsonNode> zhs = diagnostics(chinese.json());
        assertThat(zhs.stream().map(d -> d.at("/cell").asString() + " " + d.at("/code").asString()).toList())
                .isEqualTo(ens.stream().map(d -> d.at("/cell").asString() + " " + d.at("/code").asString()).toList());
        JsonNode en = threshold(ens);
        JsonNode zh = threshold(zhs);
        assertThat(zh.at("/code").asString()).isEqualTo(en.at("/code").asString());
        assertThat(en.at("/detail").asString()).startsWith("'≥ 3O' does not use a known operator");
        assertThat(zh.at("/detail").asString()).startsWith("“≥ 3O”使用的运算符无法识别");
    }

    private static JsonNode threshold(List<JsonNode> diagnostics) {
        return diagnostics.stream().filter(d -> d.at("/cell").asString().equals(CholeraThresholds.THRESHOLD_CELL))
                .findFirst().orElseThrow();
    }

    @Test
    void failedTestRowsAreToldInChinese() {
        Http.Response r = editor("zh-CN").postFiles("/rule-sets/check", Map.of(),
                Map.of(GRADING, CholeraThresholds.from25TestsNotMoved()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode failed = r.json().at("/tests").valueStream().filter(t -> !t.at("/passed").asBoolean())
                .findFirst().orElseThrow();
        assertThat(failed.at("/detail").asString()).startsWith("测试未通过：").contains("期望响应级别为");
    }

    @Test
    void aRefusedFormIsNotSaidToBeChinese() {
        Http.Response r = editor("zh-CN").postForm("/rule-sets/check", Map.of("comment", "no files"), List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Language")).isNull();
    }

    @Test
    void anyOtherLanguageGetsEnglish() {
        Map<String, byte[]> broken = Map.of(GRADING, CholeraThresholds.broken());
        Http.Response english = editor(null).postFiles("/rule-sets/check", Map.of(), broken);
        Http.Response french = editor("fr-FR,fr;q=0.9").postFiles("/rule-sets/check", Map.of(), broken);
        assertThat(french.json().at("/diagnostics")).isEqualTo(english.json().at("/diagnostics"));
        assertThat(french.header("Content-Language")).isNull();
    }
}
