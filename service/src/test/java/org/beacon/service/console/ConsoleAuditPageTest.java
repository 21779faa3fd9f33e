package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

/**
 * The audit trail's pages against the started service and its real database: filters, pages by key, the CSV export,
 * one decision with its margins and links into its version's grid, a region's timeline, bad filters told on the page,
 * and a caller kept out.
 */
class ConsoleAuditPageTest {

    private static final Pattern OPEN = Pattern.compile("class=\"audit-open\" href=\"/console/audit/([0-9a-f-]{36})\"");
    private static ConfigurableApplicationContext app;
    private static int port;
    private static Http.Credentials caller;
    private static String twelveCases;

    @BeforeAll
    static void decideSomeSituations() {
        app = TestApps.start("--beacon.tables-dir=" + Workbooks.root().resolve("tables"),
                "--beacon.data-dir=./" + Path.of("target", "console-audit-" + System.nanoTime()));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Http admin = TestApps.http(app);
        List<String> situations = new ArrayList<>();
        for (int cases = 1; cases <= 51; cases++) {
            situations.add(cholera("330106", "西湖区", cases));
        }
        assertThat(admin.postJson("/evaluations/batch", "{\"situations\":[" + String.join(",", situations) + "]}")
                .json().at("/failed").asInt()).isZero();
        assertThat(admin.postJson("/evaluations", cholera("330102", "上城区", 40)).status()).isEqualTo(200);
        Http.Response twelve = admin.postJson("/evaluations", cholera("330102", "上城区", 12));
        twelveCases = twelve.json().at("/evaluationId").asString();
        assertThat(admin.postJson("/evaluations", cholera("330199", "无病例", 0)).status()).isEqualTo(200);
        Http.Response made = admin.postJson("/users", "{\"username\":\"clerk\",\"roles\":[\"caller\"]}");
        caller = new Http.Credentials("clerk", made.json().at("/password").asString());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String cholera(String code, String name, int cases) {
        return "{\"eventType\":\"cholera\",\"region\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"level\":\"county\"},\"asOf\":\"2026-07-01\",\"indicators\":{\"cases\":" + cases
                + ",\"countiesAffected\":1}}";
    }

    private static ConsoleSession signedIn(Http.Credentials who) {
        ConsoleSession browser = new ConsoleSession(port);
        assertThat(browser.signIn(who.username(), who.password()).statusCode()).isEqualTo(302);
        return browser;
    }

    private static List<String> opened(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = OPEN.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void aRegionsDecisionsComeNewestFirstAndTheGradeFilterNarrowsThem() {
        ConsoleSession reviewer = signedIn(TestApps.ADMIN);
        HttpResponse<String> region = reviewer.get("/console/audit?region=330102");
        assertThat(region.statusCode()).isEqualTo(200);
        assertThat(opened(region.body())).hasSize(2).first().isEqualTo(twelveCases);
        assertThat(region.body()).contains("上城区").doesNotContain("西湖区");

        HttpResponse<String> graded = reviewer.get("/console/audit?region=330102&grade=III");
        assertThat(opened(graded.body())).containsExactly(twelveCases);
        assertThat(graded.body()).contains("/console/rule-sets/v1/cells/Cholera!R10");
    }

    @Test
    void aDecisionWithoutGradeOrColourSaysSoInWords() {
        ConsoleSession reviewer = signedIn(TestApps.ADMIN);
        String list = reviewer.get("/console/audit?region=330199").body();
        assertThat(opened(list)).hasSize(1);
        assertThat(list).contains("no colour").containsPattern("no row matched|no grade");
        assertThat(reviewer.get("/console/audit/regions/330199").body()).contains("point point-none");
    }

    @Test
    void olderDecisionsArePagedByTheLastRowShown() {
        ConsoleSession reviewer = signedIn(TestApps.ADMIN);
        String first = reviewer.get("/console/audit?region=330106").body();
        assertThat(opened(first)).hasSize(AuditPage.PAGE_SIZE);
        Matcher older = Pattern.compile("id=\"older\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = reviewer.get(older.group(1).replace("&amp;", "&")).body();
        assertThat(opened(second)).hasSize(1).doesNotContainAnyElementsOf(opened(first));
        assertThat(second).doesNotContain("id=\"older\"").contains("id=\"newest\"");
    }

    @Test
    void theFilteredListDownloadsAsCsv() {
        HttpResponse<String> csv = signedIn(TestApps.ADMIN).get("/console/audit.csv?region=330102");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("evaluationId,evaluatedAt,caller,ruleSet,eventType,regionCode");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(twelveCases).contains(",admin,v1,cholera,330102,上城区,2026-07-01,III,yellow,");
    }

    @Test
    void badFiltersAreToldOnThePageAndListNothing() {
        ConsoleSession reviewer = signedIn(TestApps.ADMIN);
        HttpResponse<String> page = reviewer.get("/console/audit?from=2026-13-01&grade=V&after=garbage");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"audit-errors\"", "From: &#39;2026-13-01&#39; is not a date",
                "There is no grade &#39;V&#39;", "link is damaged").doesNotContain("class=\"audit-open\"");
        assertThat(reviewer.get("/console/audit.csv?to=tomorrow").statusCode()).isEqualTo(400);
    }

    @Test
    void aDecisionOpensWithItsExplanationItsMarginsAndLinksIntoItsVersionsGrid() {
        ConsoleSession reviewer = signedIn(TestApps.ADMIN);
        String plain = reviewer.get("/console/audit/" + twelveCases).body();
        assertThat(plain).contains("id=\"answer-grade\"", "href=\"/console/rule-sets/v1/cells/Cholera!R10\"",
                "id=\"show-margins\"", "href=\"/console/audit/regions/330102\"").doesNotContain("id=\"margins-table\"");
        String withMargins = reviewer.get("/console/audit/" + twelveCases + "?margins").body();
        assertThat(withMargins).contains("id=\"margins-table\"", "at 30 (+18)", "at 9 (−3)",
                "href=\"/console/rule-sets/v1/cells/Cholera!R8\"");
        assertThat(reviewer.get("/console/audit/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aRegionsTimelineHasAPointLinkingToEachDecision() {
        String page = signedIn(TestApps.ADMIN).get("/console/audit/regions/330102").body();
        assertThat(page).contains("<svg class=\"timeline\"", "href=\"/console/audit/" + twelveCases + "\"");
        assertThat(Pattern.compile("<circle ").matcher(page).results().count()).isEqualTo(2);
        assertThat(page).contains("point point-yellow", "point point-orange");
    }

    @Test
    void theHomePageShowsTodaysRegionsByGradeAndColourAndThoseCloseToEscalation() {
        String home = signedIn(TestApps.ADMIN).get("/console").body();
        assertThat(home).contains("id=\"today\"", "3 regions decided", "id=\"today-grades\"",
                "id=\"today-colours\"", "No region&#39;s answer differs", "No replay is queued or running.");
        // 330102's latest is 12 cases (Ⅲ, yellow): from 30 it would be Ⅱ, orange
        assertThat(home).contains("id=\"close-table\"", "12 → 30 (+150 %)", "href=\"/console/audit/" + twelveCases
                + "?margins=\"");
        assertThat(signedIn(caller).get("/console").body()).doesNotContain("id=\"today\"");
    }

    @Test
    void aCallerCannotReachTheAuditPages() {
        ConsoleSession clerk = signedIn(caller);
        assertThat(clerk.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console/audit.csv").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console/audit/" + twelveCases).statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console/audit/regions/330102").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console").body()).doesNotContain("href=\"/console/audit\"");
    }
}
