package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * How the numbers, dates and names of a situation, a batch and a risk map are read: an integer must be written as
 * one, a date as exactly YYYY-MM-DD, and an answer that refuses stays short whatever was sent.
 */
@ServiceTest
class SituationReadingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http http() {
        return new Http(port, users.admin());
    }

    private static String situation(String asOf, String indicators) {
        return "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\",\"level\":\"county\"},\"asOf\":" + asOf
                + ",\"indicators\":" + indicators + "}";
    }

    private long audited() {
        return http().get("/evaluations?size=1").json().at("/total").asLong();
    }

    private static void assertRefused(Http.Response r, String pointer, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/pointer").asString()).as(r.body()).isEqualTo(pointer);
        assertThat(r.json().at("/errors/0/detail").asString()).as(r.body()).contains(detail);
    }

    /** Read through a double, 29.999999999999999999 was 30 (grade Ⅱ) and 1E-400 was 0. */
    @ParameterizedTest
    @ValueSource(strings = {"29.999999999999999999", "12.000000000000000001", "1E-400", "12.5", "1e-7"})
    void anIntegerIndicatorWithAFractionIsRefusedHoweverSmallTheFraction(String cases) {
        long before = audited();
        Http.Response r = http().postJson("/evaluations", situation("\"2026-07-01\"", "{\"cases\":" + cases + "}"));
        assertRefused(r, "/indicators/cases", "cases must be a whole number");
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void anIntegerIndicatorWithAFractionIsRefusedInABatchAndOnARiskMapToo() {
        Http.Response batch = http().postJson("/evaluations/batch", "{\"situations\":[" + situation("\"2026-07-01\"",
                "{\"cases\":29.999999999999999999}") + "]}");
        assertThat(batch.json().at("/results/0/error/errors/0/detail").asString()).as(batch.body())
                .contains("cases must be a whole number");
        Http.Response map = http().postJson("/risk-map", "{\"eventType\":\"covid19\",\"asOf\":\"2020-02-12\","
                + "\"regions\":[{\"region\":{\"code\":\"330001\",\"level\":\"county\"},\"indicators\":"
                + "{\"cumulativeConfirmed\":59.9999999999999999999}}]}");
        assertRefused(map, "/regions/0/indicators/cumulativeConfirmed", "must be a whole number");
    }

    @Test
    void anIntegerWrittenWithAZeroFractionIsThatWholeNumber() {
        Http.Response r = http().postJson("/evaluations", situation("\"2026-07-01\"", "{\"cases\":30.000}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/grade/numeral").asString()).isEqualTo("Ⅱ");
    }

    @Test
    void aDecimalIndicatorKeepsTheExactNumberSent() {
        String sent = "3.20000000000000000001";
        Http.Response r = http().postJson("/evaluations", "{\"eventType\":\"classBC\",\"region\":{\"code\":\"330100\","
                + "\"level\":\"prefecture\"},\"asOf\":\"2026-05-18\",\"indicators\":{\"countiesAffected\":2,"
                + "\"ratioTo5yMean\":" + sent + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"ratioTo5yMean\":" + sent);
    }

    @Test
    void aHundredThousandUnknownIndicatorsGetAShortAnswerNamingTheFirstHundredAndCountingTheRest() {
        StringBuilder indicators = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            indicators.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        Http.Response r = http().postJson("/evaluations", situation("\"2026-07-01\"", indicators + "}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().length()).as("the answer is short").isLessThan(20_000);
        JsonNode errors = r.json().at("/errors");
        assertThat(errors.size()).isEqualTo(101);
        assertThat(errors.get(0).at("/pointer").asString()).isEqualTo("/indicators/k0");
        assertThat(errors.get(100).at("/pointer").asString()).isEqualTo("/indicators");
        assertThat(errors.get(100).at("/detail").asString()).contains("99,900 more");
        assertThat(occurrences(r.body(), "valid indicators:")).as("the list of valid indicators, once").isEqualTo(1);
    }

    @Test
    void aBatchNamesTheValidIndicatorsOnceAndEveryBadItemStillGetsItsOwnError() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(situation("\"2026-07-01\"", "{\"casez\":1}"));
        }
        Http.Response r = http().postJson("/evaluations/batch", "{\"situations\":[" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.body().substring(0, 500)).isEqualTo(200);
        assertThat(r.json().at("/failed").asInt()).isEqualTo(300);
        assertThat(occurrences(r.body(), "valid indicators:")).isEqualTo(1);
        for (int i = 0; i < 300; i++) {
            assertThat(r.json().at("/results/" + i + "/error/errors/0/detail").asString())
                    .startsWith("unknown indicator 'casez'; did you mean cases");
        }
    }

    @Test
    void aRiskMapWithThousandsOfBadRegionsNamesTheFirstHundredAndCountsTheRest() {
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            regions.add("{\"region\":{\"code\":\"" + (330000 + i) + "\",\"level\":\"county\"},\"indicators\":"
                    + "{\"bogus\":1}}");
        }
        Http.Response r = http().postJson("/risk-map", "{\"eventType\":\"covid19\",\"asOf\":\"2020-02-12\","
                + "\"regions\":[" + String.join(",", regions) + "]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().length()).isLessThan(20_000);
        JsonNode errors = r.json().at("/errors");
        assertThat(errors.size()).isEqualTo(101);
        assertThat(errors.get(100).at("/detail").asString()).contains("4,900 more");
        assertThat(occurrences(r.body(), "valid indicators:")).isEqualTo(1);
    }

    @Test
    void aRiskMapListsAHundredErrorsEvenWhenOneRegionHasMore() {
        StringBuilder bogus = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            bogus.append(i == 0 ? "" : ",").append("\"bogus").append(i).append("\":1");
        }
        String region = "{\"region\":{\"code\":\"CODE\",\"level\":\"county\"},\"indicators\":" + bogus + "}}";
        Http.Response r = http().postJson("/risk-map", "{\"eventType\":\"covid19\",\"asOf\":\"2020-02-12\","
                + "\"regions\":[" + region.replace("CODE", "330001") + "," + region.replace("CODE", "330002") + "]}");
        JsonNode errors = r.json().at("/errors");
        assertThat(errors.size()).as(r.body()).isEqualTo(101);
        assertThat(errors.get(100).at("/detail").asString()).startsWith("1 more regions not checked and 1 more "
                + "problems not listed");
    }

    @Test
    void aRiskMapWithTheSameRegionTwiceIsRefusedNamingBothAndStoresNothing() {
        long before = audited();
        Http.Response r = http().postJson("/risk-map", "{\"eventType\":\"covid19\",\"asOf\":\"2020-02-12\","
                + "\"regions\":[{\"region\":{\"code\":\"330001\",\"level\":\"county\"},\"indicators\":"
                + "{\"cumulativeConfirmed\":120,\"newCases7d\":25}},"
                + "{\"region\":{\"code\":\"330002\",\"level\":\"county\"},\"indicators\":{\"cumulativeConfirmed\":1}},"
                + "{\"region\":{\"code\":\"330001\",\"level\":\"county\"},\"indicators\":{\"cumulativeConfirmed\":0}}]}");
        assertRefused(r, "/regions/2/region/code", "/regions/0/region/code");
        assertThat(r.json().at("/errors").size()).isEqualTo(1);
        assertThat(audited()).isEqualTo(before);
    }

    /** Dates are exactly YYYY-MM-DD: no array of numbers, no spaces, no time, no sign. */
    @ParameterizedTest
    @ValueSource(strings = {"[2026,7,1]", "\"2026-07-01 \"", "\" 2026-07-01\"", "\"2026-07-01T00:00\"",
        "\"+2026-07-01\"", "\"2026-7-1\"", "20260701"})
    void aSituationDateIsExactlyYearMonthDay(String asOf) {
        long before = audited();
        assertRefused(http().postJson("/evaluations", situation(asOf, "{\"cases\":12}")), "/asOf", "date");
        Http.Response batch = http().postJson("/evaluations/batch", "{\"situations\":[" + situation(asOf,
                "{\"cases\":12}") + "]}");
        assertThat(batch.json().at("/results/0/error/errors/0/pointer").asString()).as(batch.body())
                .isEqualTo("/situations/0/asOf");
        assertRefused(http().postJson("/risk-map", "{\"eventType\":\"covid19\",\"asOf\":" + asOf + ",\"regions\":"
                + "[{\"region\":{\"code\":\"330001\",\"level\":\"county\"},\"indicators\":{}}]}"), "/asOf", "date");
        assertRefused(http().postJson("/evaluations", "{\"eventType\":\"influenza\",\"region\":{\"code\":\"330106\","
                + "\"level\":\"county\"},\"asOf\":\"2021-07-01\",\"indicators\":{},\"signals\":[{\"source\":\"ili\","
                + "\"start\":" + asOf + ",\"values\":[1,2,3]}]}"), "/signals/0/start", "date");
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void anEventTypeSentAsAnIndicatorIsToldItIsAFieldOfTheSituation() {
        Http.Response r = http().postJson("/evaluations", situation("\"2026-07-01\"", "{\"eventType\":\"cholera\"}"));
        assertRefused(r, "/indicators/eventType", "eventType is a field of the situation");
        assertThat(r.json().at("/errors/0/detail").asString()).doesNotContain("did you mean");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
