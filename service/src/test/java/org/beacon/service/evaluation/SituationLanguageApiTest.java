package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code Accept-Language: zh-CN} on {@code POST /evaluations} and its batch tells why a situation cannot be
 * evaluated in 简体中文, at the same pointers and with the same problem type (a missing region code too, which the
 * rule set's check reports for the API and {@code beacon evaluate} alike); the request's own shape errors (a region
 * code longer than the audit trail keeps) stay English; no header, or another language, gives English exactly as before.
 */
@ServiceTest
class SituationLanguageApiTest {

    private static final String BAD = situation("{\"code\":\"330106\",\"level\":\"county\"}",
            "{\"casez\":3,\"cases\":1.5}");
    private static final String GOOD = situation("{\"code\":\"330106\",\"level\":\"county\"}", "{\"cases\":40}");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    /** Signed in as an admin, with {@code Accept-Language: languages} (none for null). */
    private Http http(String languages) {
        return new Http(port, users.admin()).acceptingLanguage(languages);
    }

    private static String situation(String region, String indicators) {
        return "{\"eventType\":\"cholera\",\"region\":" + region + ",\"asOf\":\"2026-07-01\",\"indicators\":"
                + indicators + "}";
    }

    private static List<String> field(JsonNode errors, String name) {
        return errors.valueStream().map(e -> e.at("/" + name).asString()).toList();
    }

    /** The problems of {@link #BAD} under {@code prefix}: the same pointers, the whole-number one in each language. */
    private static void assertToldInBothLanguages(JsonNode en, JsonNode zh, String prefix) {
        assertThat(field(zh, "pointer")).isEqualTo(field(en, "pointer"))
                .containsExactly(prefix + "/indicators/casez", prefix + "/indicators/cases");
        assertThat(field(en, "detail")).element(1).isEqualTo("cases must be a whole number, not 1.5");
        assertThat(field(zh, "detail")).element(1).isEqualTo("cases 必须是整数，而不是 1.5");
    }

    @Test
    void aRefusedSituationIsToldInChineseAtTheSamePointersWithTheSameType() {
        Http.Response english = http(null).postJson("/evaluations", BAD);
        Http.Response chinese = http("zh-CN,zh;q=0.9,en;q=0.8").postJson("/evaluations", BAD);

        assertThat(chinese.status()).isEqualTo(english.status()).isEqualTo(400);
        assertThat(chinese.contentType()).isEqualTo("application/problem+json");
        assertThat(chinese.json().at("/type").asString()).isEqualTo(english.json().at("/type").asString());
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(english.header("Content-Language")).isNull();
        JsonNode en = english.json().at("/errors");
        JsonNode zh = chinese.json().at("/errors");
        assertToldInBothLanguages(en, zh, "");
        assertThat(field(zh, "detail")).element(0).asString().startsWith("未知指标“casez”；是否应为 cases？；有效指标：")
                .contains("、cases、", "、deaths、");
    }

    @Test
    void noHeaderOrAnotherLanguageGivesTheEnglishAnswerByteForByte() {
        Http.Response none = http(null).postJson("/evaluations", BAD);
        Http.Response french = http("fr-FR").postJson("/evaluations", BAD);
        Http.Response english = http("en").postJson("/evaluations", BAD);

        assertThat(french.body()).isEqualTo(none.body()).isEqualTo(english.body()).contains("unknown indicator 'casez'");
        assertThat(french.header("Content-Language")).isNull();
    }

    private static final String LONG_CODE = "{\"code\":\"" + "3".repeat(51) + "\",\"level\":\"county\"}";

    @Test
    void aMissingRegionCodeIsToldInChineseLikeTheOtherSituationProblems() {
        Http.Response chinese = http("zh-CN").postJson("/evaluations", situation("{\"level\":\"county\"}",
                "{\"cases\":1.5}"));
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(field(chinese.json().at("/errors"), "detail")).containsExactly("缺少地区代码 region.code",
                "cases 必须是整数，而不是 1.5");
    }

    @Test
    void theRequestsOwnShapeErrorsStayEnglishBesideChineseSituationProblems() {
        String body = situation(LONG_CODE, "{\"cases\":1.5}");
        Http.Response english = http(null).postJson("/evaluations", body);
        Http.Response chinese = http("zh-CN").postJson("/evaluations", body);

        JsonNode en = english.json().at("/errors");
        JsonNode zh = chinese.json().at("/errors");
        assertThat(field(zh, "pointer")).isEqualTo(field(en, "pointer"))
                .containsExactly("/region/code", "/indicators/cases");
        assertThat(field(zh, "detail")).containsExactly("at most 50 characters, not 51", "cases 必须是整数，而不是 1.5");
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-CN");
    }

    @Test
    void aBatchTellsEachRefusedSituationInChineseAndDecidesTheOthersAlike() {
        String batch = "{\"situations\":[" + GOOD + "," + BAD + "]}";
        Http.Response english = http(null).postJson("/evaluations/batch", batch);
        Http.Response chinese = http("zh-CN").postJson("/evaluations/batch", batch);

        assertThat(chinese.status()).isEqualTo(english.status()).isEqualTo(200);
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(english.header("Content-Language")).isNull();
        assertThat(chinese.json().at("/results/0/evaluation/grade/numeral").asString())
                .isEqualTo(english.json().at("/results/0/evaluation/grade/numeral").asString()).isEqualTo("Ⅱ");
        JsonNode en = english.json().at("/results/1/error/errors");
        JsonNode zh = chinese.json().at("/results/1/error/errors");
        assertToldInBothLanguages(en, zh, "/situations/1");
    }

    @Test
    void anAnswerWithNothingTranslatedSaysNoContentLanguage() {
        Http.Response decided = http("zh-CN").postJson("/evaluations", GOOD);
        Http.Response batch = http("zh-CN").postJson("/evaluations/batch", "{\"situations\":[" + GOOD + "]}");
        Http.Response shape = http("zh-CN").postJson("/evaluations", situation(LONG_CODE, "{\"cases\":40}"));

        assertThat(decided.status()).isEqualTo(batch.status()).isEqualTo(200);
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.json().at("/errors/0/detail").asString()).isEqualTo("at most 50 characters, not 51");
        assertThat(List.of(decided, batch, shape)).allSatisfy(r -> assertThat(r.header("Content-Language")).isNull());
    }
}
