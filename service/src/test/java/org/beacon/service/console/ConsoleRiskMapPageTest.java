package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.beacon.service.security.ConsoleSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The risk map page against the started service: the bundled example as five tiles in five colours with their words,
 * grouped by prefecture; a choropleth from the request's boundaries; bad boundaries told on the page (and by the
 * API) with nothing decided; the latest decisions per region; a caller kept out.
 */
class ConsoleRiskMapPageTest {

    private static ConfigurableApplicationContext app;
    private static ConsoleSession reviewer;
    private static Http admin;
    private static String example;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.start("--beacon.tables-dir=" + Workbooks.root().resolve("tables"),
                "--beacon.data-dir=./" + Path.of("target", "console-risk-map-" + System.nanoTime()));
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        reviewer = new ConsoleSession(port);
        assertThat(reviewer.signIn(TestApps.ADMIN.username(), TestApps.ADMIN.password()).statusCode()).isEqualTo(302);
        admin = TestApps.http(app);
        example = Files.readString(Workbooks.root().resolve("examples/risk-map/five-counties.json")).strip();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long count(String page, String regex) {
        return Pattern.compile(regex).matcher(page).results().count();
    }

    /** Five squares side by side, one per county of the example. */
    private static String squares() {
        StringBuilder features = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            double x = 120 + i * 0.1;
            features.append(i > 1 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"33000")
                    .append(i).append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(x)
                    .append(",30],[").append(x + 0.1).append(",30],[").append(x + 0.1).append(",30.1],[").append(x)
                    .append(",30.1],[").append(x).append(",30]]]}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
    }

    private static String withBoundaries(String boundaries) {
        return example.substring(0, example.length() - 1) + ",\"boundaries\":" + boundaries + "}";
    }

    @Test
    void theExampleShowsFiveTilesInFiveColoursWithTheirWordsGroupedByPrefecture() {
        HttpResponse<String> page = reviewer.postForm("/console/risk-map", Map.of("example", "five-counties"));
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(count(body, "class=\"tile tile-")).isEqualTo(5);
        for (String colour : new String[] {"red", "orange", "yellow", "blue", "green"}) {
            assertThat(count(body, "class=\"tile tile-" + colour + "\"")).as(colour).isEqualTo(1);
        }
        assertThat(body).contains("Red · high risk", "Orange · fairly high risk", "Yellow · medium risk",
                "Blue · fairly low risk", "Green · low risk", "Prefecture 3300", "甲县")
                .doesNotContain("id=\"choropleth\"");
        assertThat(body).containsPattern("href=\"/console/rule-sets/v1/cells/[A-Za-z]+!R[0-9]+\"");
    }

    @Test
    void theRequestsBoundariesDrawAChoropleth() {
        HttpResponse<String> page = reviewer.postForm("/console/risk-map",
                Map.of("request", withBoundaries(squares())));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"choropleth\"");
        assertThat(count(page.body(), "class=\"region region-(red|orange|yellow|blue|green)\"")).isEqualTo(5);
    }

    @Test
    void badBoundariesAreToldOnThePageAndByTheApiAndNothingIsDecided() {
        long before = admin.get("/evaluations?eventType=covid19").json().at("/total").asLong();
        String bad = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"code\":\"330001\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]}}]}";
        HttpResponse<String> page = reviewer.postForm("/console/risk-map", Map.of("request", withBoundaries(bad)));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"map-errors\"", "/boundaries/features/0/geometry",
                "geometry must be a Polygon or a MultiPolygon").doesNotContain("class=\"tile tile-");
        Http.Response api = admin.postJson("/risk-map", withBoundaries(bad));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().at("/errors/0/pointer").asString()).isEqualTo("/boundaries/features/0/geometry");
        assertThat(admin.get("/evaluations?eventType=covid19").json().at("/total").asLong()).isEqualTo(before);
    }

    @Test
    void codesThatAreNotAdministrativeCodesAreShownUngrouped() {
        String odd = example.replace("\"330001\"", "\"north\"");
        String body = reviewer.postForm("/console/risk-map", Map.of("request", odd)).body();
        assertThat(count(body, "class=\"tile tile-")).isEqualTo(5);
        assertThat(body).doesNotContain("Prefecture");
    }

    @Test
    void theLatestDecisionsOfTheWeekMakeAMapToo() {
        assertThat(admin.postJson("/risk-map", example).status()).isEqualTo(200);
        String body = reviewer.get("/console/risk-map?latest=covid19").body();
        assertThat(count(body, "class=\"tile tile-")).isEqualTo(5);
    }

    @Test
    void theLatestMapShowsEachRegionsNewestAnswerWithItsColourAndRows() {
        Http.Response first = admin.postJson("/risk-map", example);
        // 甲县 decided again with 戊县's figures: its newest answer is green where the first was red
        String calmer = example.replace("\"cumulativeConfirmed\":120,\"newCases7d\":25,\"clusters14d\":3,"
                + "\"localCaseShare\":70,\"daysWithoutNewCase\":0", "\"cumulativeConfirmed\":0,\"newCases7d\":0,"
                + "\"clusters14d\":0,\"localCaseShare\":0,\"daysWithoutNewCase\":40");
        assertThat(calmer).isNotEqualTo(example);
        Http.Response second = admin.postJson("/risk-map", calmer);
        assertThat(second.status()).isEqualTo(200);
        String before = first.json().at("/regions/0/evaluationId").asString();
        String newest = second.json().at("/regions/0/evaluationId").asString();
        String body = reviewer.get("/console/risk-map?latest=covid19").body();
        assertThat(body).containsPattern("class=\"tile tile-green\">\\s*<a class=\"tile-link\" href=\"/console/audit/"
                + newest + "\"").doesNotContain("/console/audit/" + before);
        assertThat(body).as("each tile's answering rows").containsPattern("class=\"cell-ref\">RiskMap!R[0-9]+<");
    }

    @Test
    void theLatestMapShowsRowsStoredBeforeTheRiskColumnsBesideRowsStoredWithThem() {
        Http.Response map = admin.postJson("/risk-map", example);
        assertThat(map.status()).isEqualTo(200);
        // a row stored before V11 has no risk columns: the migration leaves them null, as here for 甲县 and 乙县
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(map.json().at("/regions/" + i + "/evaluationId").asString());
        }
        for (String old : ids.subList(0, 2)) {
            assertThat(app.getBean(JdbcTemplate.class).update("update evaluation set area_risk = null,"
                    + " area_risk_rules = null where id = ?", UUID.fromString(old))).isEqualTo(1);
        }
        String body = reviewer.get("/console/risk-map?latest=covid19").body();
        assertThat(count(body, "class=\"tile tile-")).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            String colour = map.json().at("/regions/" + i + "/colour").asString();
            String rule = map.json().at("/regions/" + i + "/rules/0").asString();
            assertThat(body).as("region %d, %s", i, i < 2 ? "stored before V11" : "stored with its risk columns")
                    .containsPattern("class=\"tile tile-" + colour + "\">\\s*<a class=\"tile-link\" href=\"/console/audit/"
                            + ids.get(i) + "\"(?s:(?!</li>).)*class=\"cell-ref\">" + Pattern.quote(rule) + "<");
        }
    }

    @Test
    void aTilesWordIsInTheReadersLanguageAndItsRegionsNameIsShownAsText() {
        ConsoleSession chinese = new ConsoleSession(((WebServerApplicationContext) app).getWebServer().getPort());
        assertThat(chinese.signIn(TestApps.ADMIN.username(), TestApps.ADMIN.password()).statusCode()).isEqualTo(302);
        chinese.get("/console/risk-map?lang=zh");
        String marked = example.replace("\"甲县\"", "\"<i>甲县</i>\"");
        assertThat(marked).isNotEqualTo(example);
        String body = chinese.postForm("/console/risk-map", Map.of("request", marked)).body();
        assertThat(body).contains("<span class=\"tile-name\">&lt;i&gt;甲县&lt;/i&gt;</span>", "红 · 高风险", "绿 · 低风险")
                .doesNotContain("<i>甲县</i>", "Red · high risk");
    }

    @Test
    void aCallerCannotReachTheRiskMap() {
        Http.Response made = admin.postJson("/users", "{\"username\":\"mapclerk\",\"roles\":[\"caller\"]}");
        ConsoleSession clerk = new ConsoleSession(((WebServerApplicationContext) app).getWebServer().getPort());
        clerk.signIn("mapclerk", made.json().at("/password").asString());
        assertThat(clerk.get("/console/risk-map").statusCode()).isEqualTo(403);
    }
}
