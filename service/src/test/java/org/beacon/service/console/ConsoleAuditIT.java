package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The audit trail, the risk map and the home page in a real browser against the packaged jar: a reviewer filters the
 * trail by region and opens a decision with its margins and its region's timeline; the risk-map example shows five
 * tiles in five colours with their words; a caller cannot reach the audit pages. Screenshots in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAuditIT extends ConsoleBrowserTest {

    @BeforeAll
    void decideSomeSituations() throws Exception {
        Http api = beacon.api();
        String twelve = Files.readString(Workbooks.root().resolve("examples/requests/cholera-county-12.json"));
        assertThat(api.postJson("/evaluations", twelve.replace("\"cases\":12", "\"cases\":3")).status())
                .isEqualTo(200);
        assertThat(api.postJson("/evaluations", twelve).status()).isEqualTo(200);
        assertThat(api.postJson("/evaluations", Files.readString(Workbooks.root()
                .resolve("examples/requests/cholera-prefecture-27.json"))).status()).isEqualTo(200);
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    private void signInAsAdmin(String languages) {
        browser(languages);
        browser.open(beacon.url("/console"));
        browser.signIn(beacon.admin().username(), beacon.admin().password());
    }

    @Test
    @Order(1)
    void aReviewerFiltersTheTrailByRegionAndOpensADecisionWithItsMarginsAndTimeline() {
        signInAsAdmin("en-US,en");
        browser.clickTo(browser.driver().findElement(By.linkText("Audit trail")), "/console/audit");
        int everything = all("#audit-rows tbody tr").size();
        find("#f-region").sendKeys("330106");
        browser.clickToNextPage(find("#apply-filters"));
        List<WebElement> rows = all("#audit-rows tbody tr");
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.getText()).contains("330106"));
        assertThat(everything).isGreaterThan(rows.size());
        assertThat(rows.get(0).getText()).contains("Grade Ⅲ").contains("Yellow");
        browser.screenshot("audit-list-en");

        browser.clickTo(find("#audit-rows tbody tr .audit-open"), "/console/audit/");
        assertThat(browser.text("#answer-grade")).contains("Grade Ⅲ").contains("relatively serious");
        assertThat(find("#explanation a.cell-ref[href$='/cells/Cholera!R10']").getText()).isEqualTo("Cholera!R10");
        browser.clickToNextPage(find("#show-margins"));
        assertThat(browser.text("#margins-table")).contains("at 30 (+18)").contains("Grade Ⅱ").contains("Orange");
        browser.screenshot("audit-decision-en");

        browser.clickTo(find("#region-history"), "/console/audit/regions/330106");
        assertThat(all("#timeline circle")).hasSize(2);
        assertThat(all("#timeline a")).allSatisfy(a -> assertThat(a.getDomAttribute("href")).contains("/console/audit/"));
        browser.screenshot("audit-region-en");

        browser.clickToNextPage(find(".languages a[lang=zh]"));
        assertThat(browser.text("h1")).contains("330106 的历史");
        browser.screenshot("audit-region-zh");
        browser.open(beacon.url("/console/audit?region=330106"));
        assertThat(browser.text("#audit-rows")).contains("Ⅲ级").contains("黄色");
        browser.screenshot("audit-list-zh");
        browser.open(beacon.url("/console/audit/" + find("#audit-rows .audit-open").getAttribute("href")
                .replaceAll(".*/console/audit/", "") + "?margins"));
        assertThat(browser.text("#margins-table")).contains("在 30");
        browser.screenshot("audit-decision-zh");
    }

    @Test
    @Order(2)
    void theRiskMapExampleShowsFiveTilesInFiveColoursWithTheirWords() {
        for (String language : new String[] {"en-US,en", "zh-CN,zh"}) {
            signInAsAdmin(language);
            browser.open(beacon.url("/console/risk-map"));
            new Select(find("#example")).selectByValue("five-counties");
            browser.clickToNextPage(find("#draw"));
            List<WebElement> tiles = all("#tiles .tile");
            assertThat(tiles).hasSize(5);
            assertThat(tiles.stream().map(t -> t.getAttribute("class")).distinct()).hasSize(5);
            String words = browser.text("#tiles");
            if (language.startsWith("en")) {
                assertThat(words).contains("Red · high risk", "Orange", "Yellow", "Blue", "Green · low risk");
            } else {
                assertThat(words).contains("红 · 高风险", "橙", "黄", "蓝", "绿 · 低风险");
            }
            browser.screenshot("risk-map-" + language());
            browser.close();
            browser = null;
        }
    }

    @Test
    @Order(3)
    void theHomePageShowsTodaysPicture() {
        for (String language : new String[] {"en-US,en", "zh-CN,zh"}) {
            signInAsAdmin(language);
            assertThat(all("#today-grades li")).isNotEmpty();
            assertThat(browser.text("#close")).isNotEmpty();
            browser.screenshot("home-" + language());
            browser.close();
            browser = null;
        }
    }

    @Test
    @Order(4)
    void aCallerCannotReachTheAuditTrail() {
        String name = "caller-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = beacon.api().postJson("/users", "{\"username\":\"" + name
                + "\",\"roles\":[\"caller\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        browser("en-US,en");
        browser.open(beacon.url("/console"));
        browser.signIn(name, created.json().at("/password").asString());
        assertThat(browser.driver().findElements(By.linkText("Audit trail"))).isEmpty();
        browser.driver().get(beacon.url("/console/audit"));
        browser.assertNoConsoleErrors(403);
        assertThat(browser.text("h1")).isEqualTo("You cannot open this page");
    }
}
