package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.service.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays in a real browser: headless Chromium against the packaged jar, started with one replay place
 * ({@code concurrent-runs=1}) so that a long replay started over the API makes the page's replay wait its turn and
 * its progress is seen on the page whatever the machine's speed. A reviewer replays the COVID-19 example against the
 * actual decisions from the form, watches the progress, reads each region's chart, transitions and lags, and checks
 * them against the run's summary.json downloaded from the page, and switches language on the region picked. An admin
 * starts a calibration of the same example from its form, in English and in Chinese, sees a bad range refused on the
 * form and then the ranked combinations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleReplaysIT extends ConsoleBrowserTest {

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";
    private static final String ACTUAL = "covid-2020-response-levels.csv";

    @Override
    protected List<String> options() {
        return List.of("--beacon.replays.concurrent-runs=1");
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void signIn(String username, String password) {
        browser.open(beacon.url("/console"));
        browser.signIn(username, password);
    }

    /** A timeline of {@code regions} × {@code days} steps with a rising total: a run long enough to wait for. */
    private static byte[] longTimeline(int regions, int days) {
        StringBuilder csv = new StringBuilder("date,region,regionName,level,eventType,cumulativeConfirmed\n");
        for (int r = 0; r < regions; r++) {
            for (int d = 0; d < days; d++) {
                csv.append(LocalDate.of(2020, 1, 1).plusDays(d)).append(',').append(910000 + r).append(",busy ")
                        .append(r).append(",province,covid19,").append(d * (r % 7 + 1)).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void replaysTheCovidExampleAgainstTheActualDecisionsAndItsPageMatchesItsSummary() throws Exception {
        browser("en-US,en");
        signIn(beacon.admin().username(), beacon.admin().password());
        browser.clickTo(browser.driver().findElement(By.linkText("Replays")), "/console/replays");
        new Select(find("#example")).selectByValue(COVID);
        find("#source").sendKeys("canghailan");
        new Select(find("#actualExample")).selectByValue(ACTUAL);
        browser.screenshot("replays-form-en");
        Http.Response busy = beacon.api().postForm("/replays", Map.of(), List.of(new Http.FilePart("timeline",
                "busy.csv", longTimeline(80, 366))));
        assertThat(busy.status()).as(busy.body()).isEqualTo(202);
        find("#start-replay").click();
        browser.waitForPath("/console/replays/");
        String id = browser.driver().getCurrentUrl().replaceAll(".*/console/replays/", "");
        browser.driver().executeScript("window.beaconSamePage = true;");

        // the progress, asked for every second, until the results take its place (no reload: the mark stays)
        Set<String> seen = new LinkedHashSet<>();
        new WebDriverWait(browser.driver(), Duration.ofMinutes(4), Duration.ofMillis(200)).until(d -> {
            List<WebElement> bar = d.findElements(By.id("progress-text"));
            try {
                if (!bar.isEmpty()) {
                    seen.add(bar.get(0).getText());
                    if (seen.size() == 1) {
                        browser.screenshot("replay-progress-en");
                    }
                }
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                // swapped by the next answer while read
            }
            return !d.findElements(By.cssSelector("#replay-chart canvas")).isEmpty();
        });
        assertThat(seen).as("the progress was shown before the results").isNotEmpty();
        assertThat(browser.driver().executeScript("return window.beaconSamePage === true")).as("no page reload")
                .isEqualTo(true);
        browser.assertNoConsoleErrors();

        JsonNode summary;
        find("#download-summary").click();
        summary = JsonMapper.builder().build().readTree(browser.downloaded("replay-" + id + "-summary.json"));
        assertThat(browser.text("#transition-count")).isEqualTo(String.valueOf(summary.at("/transitions").size()));

        for (String region : List.of("330000", "420000", "440000")) {
            WebElement link = find("#region-picker a[data-region='" + region + "']");
            String name = link.getText().replace(region, "").trim();
            WebElement before = find("#results");
            link.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
            browser.waitForText("#region-title", name + " " + region);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    !d.findElements(By.cssSelector("#replay-chart canvas")).isEmpty());
            List<String> expected = new ArrayList<>();
            summary.at("/transitions").forEach(t -> {
                if (t.at("/region").asString().equals(region)) {
                    expected.add(t.at("/date").asString() + " " + t.at("/kind").asString());
                }
            });
            List<String> dates = texts("#region-transitions .transition-date");
            List<String> kinds = texts("#region-transitions .transition-kind");
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                shown.add(dates.get(i) + " " + kinds.get(i).toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(shown).as("transitions of %s", region).isEqualTo(expected);
            @SuppressWarnings("unchecked")
            List<String> series = (List<String>) browser.driver().executeScript("return echarts.getInstanceByDom("
                    + "document.querySelector('#replay-chart .replay-chart-canvas')).getOption().series.map(function (s) { return s.name; })");
            assertThat(series).as("the chart of %s", region).contains("newCases7d", "Recommended", "Actually decided");
            browser.assertNoConsoleErrors();
        }
        List<String> lags = new ArrayList<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#lags tbody tr"))) {
            lags.add(row.findElement(By.cssSelector(".lag-region")).getText() + " "
                    + row.findElement(By.cssSelector(".lag-date")).getText() + " "
                    + row.findElement(By.cssSelector(".lag-days")).getText());
        }
        List<String> expectedLags = new ArrayList<>();
        summary.at("/actual/transitions").forEach(a -> expectedLags.add(a.at("/region").asString() + " "
                + a.at("/date").asString() + " " + (a.at("/lagDays").isNumber() ? a.at("/lagDays").asString() : "—")));
        assertThat(lags).isNotEmpty().isEqualTo(expectedLags);

        WebElement before = find("#results");
        find("#region-picker a[data-region='420000']").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
        browser.waitForText("#region-title", "湖北省 420000");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                !d.findElements(By.cssSelector("#replay-chart canvas")).isEmpty());
        browser.screenshotDownTo("replay-chart-en", "#region-transitions");

        browser.clickToNextPage(find(".languages a[lang=zh]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                !d.findElements(By.cssSelector("#replay-chart canvas")).isEmpty());
        assertThat(browser.text("#region-title")).as("the region picked before the switch").contains("420000");
        assertThat(browser.text("h1")).contains("的回放");
        assertThat(browser.text("#lags")).contains("滞后");
        browser.screenshotDownTo("replay-chart-zh", "#region-transitions");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void aTimelineOfSeveralSourcesWithoutOneChosenIsRefusedOnThePageAndNothingStarts() {
        long before = beacon.api().get("/replays?size=1").json().at("/total").asLong();
        browser("zh-CN,zh;q=0.9");
        signIn(beacon.admin().username(), beacon.admin().password());
        browser.open(beacon.url("/console/replays"));
        assertThat(browser.text("#runs")).as("the first test's run, with who ran it and its files")
                .contains(COVID).contains(ACTUAL).contains("admin").contains("busy.csv").contains("已完成");
        new Select(find("#example")).selectByValue(COVID);
        browser.clickToNextPage(find("#start-replay"), 400);
        assertThat(browser.text("#replay-refusal")).contains("回放未启动").contains("source");
        assertThat(new Select(find("#example")).getFirstSelectedOption().getAttribute("value")).isEqualTo(COVID);
        assertThat(beacon.api().get("/replays?size=1").json().at("/total").asLong()).isEqualTo(before);
        browser.screenshot("replays-refused-zh");
    }

    /** A form field by id, typed into as a person does (cleared first: a refused form keeps what was sent). */
    private void type(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    @ParameterizedTest
    @CsvSource({"en-US;en, Start the calibration, The calibration was not started",
        "zh-CN;zh, 开始参数校准, 参数校准未启动"})
    @Order(3)
    void aCalibrationStartedFromTheFormShowsItsRankedCombinationsAndABadRangeStartsNothing(String languages,
            String startButton, String refused) {
        browser(languages.replace(';', ','));
        signIn(beacon.admin().username(), beacon.admin().password());
        String name = browser.driver().findElements(By.cssSelector(".site-nav a")).stream()
                .filter(a -> a.getAttribute("href").endsWith("/console/calibrations")).findFirst().orElseThrow()
                .getText();
        browser.clickTo(browser.driver().findElement(By.linkText(name)), "/console/calibrations");
        browser.clickTo(find("#new-calibration"), "/console/calibrations/new");
        assertThat(find("#start-calibration").getText()).isEqualTo(startButton);
        new Select(find("#parameter-0")).selectByValue("stepDown_minDays");
        type("from-0", "28");
        type("to-0", "14");
        type("by-0", "7");
        new Select(find("#example")).selectByValue(COVID);
        find("#source").sendKeys("canghailan");
        new Select(find("#actualExample")).selectByValue(ACTUAL);
        long before = beacon.api().get("/calibrations?size=1").json().at("/total").asLong();
        browser.clickToNextPage(find("#start-calibration"), 400);
        assertThat(browser.text("#calibration-refusal")).contains(refused).contains("vary");
        assertThat(beacon.api().get("/calibrations?size=1").json().at("/total").asLong()).as("nothing started")
                .isEqualTo(before);
        assertThat(new Select(find("#parameter-0")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("stepDown_minDays");
        browser.screenshot("calibration-refused-" + language());

        type("from-0", "14");
        type("to-0", "28");
        browser.screenshot("calibration-form-" + language());
        browser.clickTo(find("#start-calibration"), "/console/calibrations/");
        browser.driver().executeScript("window.beaconSamePage = true;");
        new WebDriverWait(browser.driver(), Duration.ofMinutes(4), Duration.ofMillis(200)).until(d ->
                !d.findElements(By.cssSelector("#ranked tbody tr")).isEmpty());
        assertThat(browser.driver().executeScript("return window.beaconSamePage === true")).as("no page reload")
                .isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#ranked tbody tr"))).as("14, 21 and 28 days")
                .hasSize(3);
        assertThat(browser.text("#to-type")).contains("stepDown_minDays");
        browser.assertNoConsoleErrors();
        browser.screenshot("calibration-ranked-" + language());
        String id = browser.driver().getCurrentUrl().replaceAll(".*/console/calibrations/", "");
        browser.clickTo(browser.driver().findElement(By.linkText(name)), "/console/calibrations");
        assertThat(find("#calibration-" + id).getText()).contains("admin", "stepDown_minDays=14..28:7");
        browser.screenshot("calibrations-" + language());
    }

    @Test
    @Order(4)
    void aCallerIsNotOfferedTheReplaysAndGetsTheForbiddenPageByAddress() {
        Http.Credentials caller = newUser("caller");
        String replay = beacon.api().get("/replays?size=1").json().at("/items/0/id").asString();
        browser("en-US,en");
        signIn(caller.username(), caller.password());
        assertThat(texts(".site-nav a")).doesNotContain("Replays");
        for (String path : List.of("/console/replays", "/console/replays/" + replay,
                "/console/replays/" + replay + "/summary.json")) {
            browser.driver().get(beacon.url(path));
            browser.assertNoConsoleErrors(403);
            assertThat(browser.text("h1")).as(path).isEqualTo("You cannot open this page");
        }
    }
}
