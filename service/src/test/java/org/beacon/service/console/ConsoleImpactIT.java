package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.Workbooks;
import org.beacon.rules.impact.CholeraThreshold;
import org.beacon.rules.impact.GeneratedSituations;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version's impact in a real browser: headless Chromium against the packaged jar, with 2,000 generated situations
 * decided and audited and a draft lowering cholera's Ⅱ threshold to 25 cases. An admin opens the draft's page, starts
 * the impact against the version in force with the button, follows the run without a reload to its grade matrix and
 * its weekly burden chart, in English and in Chinese.
 */
class ConsoleImpactIT extends ConsoleBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String draft;

    /** The audited decisions and the draft, made once for both languages. */
    private String draft() {
        if (draft != null) {
            return draft;
        }
        GeneratedSituations generated = new GeneratedSituations(2_000, 2424);
        List<Map<String, Object>> items = new ArrayList<>();
        while (generated.hasNext()) {
            Situation s = generated.next();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("eventType", s.eventType());
            json.put("region", Map.of("code", s.region().code(), "name", s.region().name(), "level",
                    s.region().level()));
            json.put("asOf", s.asOf().toString());
            json.put("indicators", s.indicators());
            items.add(json);
        }
        Http.Response stored = beacon.api().postJson("/evaluations/batch?explain=false",
                JSON.writeValueAsString(Map.of("situations", items)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        WorkbookSource grading = CholeraThreshold.loweredTo25(WorkbookSource.readAll(Workbooks.root()
                .resolve("tables"))).stream().filter(s -> s.name().equals(CholeraThreshold.GRADING)).findFirst()
                .orElseThrow();
        Http.Response upload = beacon.api().postFiles("/rule-sets", Map.of("comment", "cholera Ⅱ from 25 cases"),
                Map.of(grading.name(), grading.bytes()));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        draft = upload.json().at("/id").asString();
        return draft;
    }

    @ParameterizedTest
    @CsvSource({"en-US;en, Grade Ⅱ, Warnings before", "zh-CN;zh, Ⅱ级, 之前的预警"})
    void anImpactStartedFromTheVersionPageShowsTheGradeMatrixAndTheWeeklyBurdenChart(String languages,
            String movedTo, String seriesName) {
        String version = draft();
        browser(languages.replace(';', ','));
        browser.open(beacon.url("/console"));
        browser.signIn(beacon.admin().username(), beacon.admin().password());
        browser.open(beacon.url("/console/rule-sets/" + version));
        browser.screenshot("impact-version-page-" + language());
        browser.clickTo(browser.driver().findElement(By.cssSelector("#impact-start button")),
                "/console/rule-sets/" + version + "/impact/");
        browser.driver().executeScript("window.beaconSamePage = true;");
        new WebDriverWait(browser.driver(), Duration.ofMinutes(3), Duration.ofMillis(200)).until(d ->
                !d.findElements(By.cssSelector("#impact-chart canvas")).isEmpty());
        assertThat(browser.driver().executeScript("return window.beaconSamePage === true")).as("no page reload")
                .isEqualTo(true);
        assertThat(browser.text("#matrix-grade")).contains(movedTo);
        assertThat(browser.driver().findElements(By.cssSelector("#matrix-grade td.moved"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#moves a[href^='/console/audit/']"))).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) browser.driver().executeScript("return echarts.getInstanceByDom("
                + "document.querySelector('#impact-chart .replay-chart-canvas')).getOption().series.map("
                + "function (s) { return s.name; })");
        assertThat(series).contains(seriesName);
        browser.assertNoConsoleErrors();
        browser.screenshot("impact-run-" + language());
    }
}
