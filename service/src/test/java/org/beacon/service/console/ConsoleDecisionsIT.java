package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Trying decisions, activating and rolling back, and managing users in a real browser: headless Chromium against the
 * packaged jar, started once for this class with the bundled tables (v1 in force). Each test acts as a person does,
 * checks every page for browser console errors and leaves a screenshot of its last page under
 * {@code target/screenshots/}. The round trip runs last: it changes which version is in force and puts v1 back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDecisionsIT extends ConsoleBrowserTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String CHOLERA = "cholera-county-12";

    private void signIn(String username, String password) {
        browser.open(beacon.url("/console"));
        browser.signIn(username, password);
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    /** Opens Try a decision, starts from the bundled cholera example, decides, and returns the grade's box. */
    private String decideTheCholeraExample(String version) {
        browser.open(beacon.url("/console/decisions"));
        if (version != null) {
            new Select(find("#ruleSet")).selectByValue(version);
        }
        new Select(find("#example")).selectByValue(CHOLERA);
        browser.clickToNextPage(find("#version-form button"));
        assertThat(find("#f-i-cases").getAttribute("value")).isEqualTo("12");
        browser.clickToNextPage(find("#decide"));
        browser.waitForPath("/console/decisions/");
        return browser.text("#answer-grade");
    }

    @Test
    @Order(1)
    void triesTheCholeraExampleAndSeesTheAnswerInWordsInBothLanguages() {
        browser("en-US,en");
        signIn(beacon.admin().username(), beacon.admin().password());
        browser.clickTo(browser.driver().findElement(By.linkText("Try a decision")), "/console/decisions");
        assertThat(browser.text("h1")).isEqualTo("Try a decision");
        browser.screenshot("decision-form-en");

        assertThat(decideTheCholeraExample(null)).contains("Grade Ⅲ").contains("relatively serious");
        assertThat(browser.text("#answer-colour")).contains("Yellow");
        assertThat(browser.text("#answer-reporting")).contains("Report within 2 hours");
        assertThat(browser.text(".facts")).contains("v1").contains("admin");
        WebElement row = find("#explanation a.cell-ref[href$='/cells/Cholera!R10']");
        assertThat(row.getText()).isEqualTo("Cholera!R10");
        assertThat(find("#explanation a.cell-ref[href$='/cells/Cholera!A10']").getAttribute("href"))
                .endsWith("/console/rule-sets/v1/cells/Cholera!A10");
        assertThat(browser.text("#explanation")).contains("10～29").contains("12");
        String decision = browser.driver().getCurrentUrl();
        browser.screenshot("decision-en");
        // the top of the answer, as the README shows it (docs/images/console-decision.png is a copy)
        browser.screenshotDownTo("decision-answer-en", "#answer-deciders");

        browser.clickToNextPage(find(".languages a[lang=zh]"));
        assertThat(browser.driver().getCurrentUrl()).as("the same decision, not decided again").isEqualTo(decision);
        assertThat(browser.text("#answer-grade")).contains("Ⅲ级").contains("较大");
        assertThat(browser.text("#answer-colour")).contains("黄色");
        assertThat(browser.text("#answer-reporting")).contains("2 小时内报告");
        browser.screenshot("decision-zh");

        browser.clickToNextPage(find("#print-link"));
        assertThat(browser.text("h1")).isEqualTo("研判备忘");
        assertThat(browser.driver().findElements(By.cssSelector(".site-nav"))).isEmpty();
        assertThat(browser.text(".memo")).contains("v1").contains("admin").contains("Ⅲ级");
        browser.screenshot("decision-memo-zh");
        browser.clickToNextPage(find(".memo-languages a[lang=en]"));
        assertThat(browser.text("h1")).isEqualTo("Decision memo");
    }

    @Test
    @Order(2)
    void aDecisionReadsInANarrowWindowWithoutThePageScrollingSideways() {
        browser("en-US,en");
        signIn(beacon.admin().username(), beacon.admin().password());
        decideTheCholeraExample(null);
        String decision = browser.driver().getCurrentUrl();
        for (int width : new int[] {800, 420}) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open(decision);
            assertThat(browser.fitsTheWindow()).as("%d px", width).isTrue();
            browser.screenshotDownTo("decision-" + width + "px-en", "#answer-measures");
        }
    }

    @Test
    @Order(3)
    void aRegionNameWithAScriptInTheJsonBoxIsShownAsText() {
        browser("en-US,en");
        signIn(beacon.admin().username(), beacon.admin().password());
        browser.open(beacon.url("/console/decisions"));
        find("#json-box summary").click();
        WebElement box = find("#situation-json");
        box.clear();
        box.sendKeys("{\"eventType\": \"cholera\", \"indicators\": {\"cases\": \"twelve\"}}");
        browser.clickToNextPage(find("#decide-json"), 422);
        assertThat(browser.text("#json-errors")).contains("/region").contains("/indicators/cases");
        assertThat(find("#json-box").getAttribute("open")).isNotNull();

        box = find("#situation-json");
        box.clear();
        box.sendKeys("{\"eventType\": \"cholera\", \"region\": {\"code\": \"330106\", \"name\": \"" + HOSTILE
                + "\", \"level\": \"county\"}, \"asOf\": \"2026-07-01\", \"indicators\": {\"cases\": 12}}");
        browser.clickToNextPage(find("#decide-json"));
        browser.waitForPath("/console/decisions/");
        assertThat(browser.text("#answer-region")).contains(HOSTILE);
        assertThat(find("#f-region-name").getAttribute("value")).isEqualTo(HOSTILE);
        assertThat(browser.driver().findElements(By.xpath("//script[contains(., 'alert')]"))).isEmpty();
        assertNoAlert();
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void aCallerDecidesButIsOfferedNoActivationAndGetsTheForbiddenPageByAddress() {
        Http.Credentials caller = newUser("caller");
        String name = caller.username();
        browser("en-US,en");
        signIn(name, caller.password());
        assertThat(browser.driver().findElements(By.cssSelector(".site-nav a"))).extracting(WebElement::getText)
                .containsExactly("Home", "Try a decision");
        assertThat(decideTheCholeraExample(null)).contains("Grade Ⅲ");
        assertThat(browser.text(".facts")).contains(name);
        assertThat(browser.driver().findElements(By.cssSelector("a[href*='/activation'], a[href*='/rollback']")))
                .isEmpty();
        for (String path : List.of("/console/rule-sets/v1/activation", "/console/rule-sets/v1/rollback",
                "/console/users")) {
            browser.driver().get(beacon.url(path));
            browser.assertNoConsoleErrors(403);
            assertThat(browser.text("h1")).as(path).isEqualTo("You cannot open this page");
        }
    }

    @Test
    @Order(5)
    void theUsersPageCreatesAUserAndShowsItsPasswordOnce() {
        browser("zh-CN,zh;q=0.9");
        signIn(beacon.admin().username(), beacon.admin().password());
        browser.clickTo(browser.driver().findElement(By.linkText("用户")), "/console/users");
        assertThat(browser.text("#users")).contains("admin").contains("管理员");
        browser.screenshot("users-zh");
        String name = "epi-" + UUID.randomUUID().toString().substring(0, 6);
        find("#new-username").sendKeys(name);
        find("label[for=new-role-reviewer]").click();
        browser.clickToNextPage(find("#create-user"));
        browser.waitForPath("/console/users/" + name);
        assertThat(browser.text("#user-done")).isEqualTo("已创建 " + name + "。");
        String password = browser.text("#new-password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(new Http(beacon.port(), new Http.Credentials(name, password)).get("/users/me").json()
                .at("/roles/0").asString()).as("the password shown works").isEqualTo("reviewer");
        browser.screenshot("user-password-zh");

        browser.open(beacon.url("/console/users/" + name));
        assertThat(browser.driver().findElements(By.id("new-password"))).as("shown once").isEmpty();
        browser.clickToNextPage(find("#toggle-enabled"));
        assertThat(browser.text("#user-done")).contains("已停用");

        browser.open(beacon.url("/console/users"));
        find("#new-username").sendKeys(name.toUpperCase(java.util.Locale.ROOT));
        browser.clickToNextPage(find("#create-user"), 409);
        assertThat(browser.text("#users-refusal")).contains("已存在名为");
    }

    @Test
    @Order(6)
    void aDraftTriedByAnEditorActivatedAndRolledBackChangesTheGrade() {
        Http.Response upload = beacon.api().postFiles("/rule-sets", Map.of("comment", "cholera Ⅱ from 12 cases"),
                Map.of("national-grading.xlsx", choleraGradeTwoFromTwelve()));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String draft = upload.json().at("/id").asString();
        String editor = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = beacon.api().postJson("/users", "{\"username\":\"" + editor
                + "\",\"roles\":[\"editor\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        browser("en-US,en");
        signIn(editor, created.json().at("/password").asString());
        assertThat(decideTheCholeraExample(draft)).contains("Grade Ⅱ").contains("serious");
        assertThat(browser.text(".facts")).contains(draft);
        assertThat(browser.driver().getCurrentUrl()).endsWith("?ruleSet=" + draft);
        browser.screenshot("decision-draft-en");
        browser.driver().get(beacon.url("/console/rule-sets/" + draft + "/activation"));
        browser.assertNoConsoleErrors(403);
        assertThat(browser.text("h1")).isEqualTo("You cannot open this page");
        browser.clickToNextPage(find(".sign-out button"));

        browser.signIn(beacon.admin().username(), beacon.admin().password());
        browser.open(beacon.url("/console/rule-sets/" + draft + "/activation"));
        assertThat(browser.text("h1")).isEqualTo("Activate " + draft);
        assertThat(browser.text("#change-today")).contains("v1").contains(draft);
        assertThat(browser.text("#diff")).contains("What changes from v1 to " + draft).contains("Cholera!R8");
        assertThat(browser.text(".facts-change")).contains("admin").contains("every date");
        browser.screenshot("activation-en");
        browser.clickToNextPage(find("#confirm"));
        browser.waitForPath(RuleSetChangePage.afterChange(draft));
        assertThat(browser.text("#flash-notice")).isEqualTo(draft + " was activated by admin.");
        assertThat(browser.text("#in-force-today")).startsWith("Yes");
        assertThat(browser.text("#events")).contains("Activated").contains(draft);
        browser.screenshot("activated-en");

        assertThat(decideTheCholeraExample(null)).as("the same form without a pin").contains("Grade Ⅱ");
        assertThat(browser.text(".facts")).contains(draft);

        browser.open(beacon.url("/console/rule-sets/" + draft + "/rollback"));
        assertThat(browser.text("#change-today")).contains(draft).contains("v1");
        browser.clickToNextPage(find(".languages a[lang=zh]"));
        assertThat(browser.text("h1")).isEqualTo("回滚 " + draft);
        browser.screenshot("rollback-zh");
        browser.clickToNextPage(find("#confirm"));
        assertThat(browser.text("#flash-notice")).isEqualTo(draft + " 已由 admin 回滚。");
        assertThat(browser.text("#events")).contains("回滚");
        assertThat(decideTheCholeraExample(null)).contains("Ⅲ级");
    }

    private void assertNoAlert() {
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("a script from the request ran and opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /**
     * The bundled national-grading.xlsx with cholera graded Ⅱ from 12 cases in a week (Cholera!A8 ≥12, A10 10～11),
     * as an expert would change it, and its test rows changed to match: 12 and 29 cases are now Ⅱ, and the two rows
     * about two prefectures (with and without spreading) use 11 cases, below the new threshold.
     */
    static byte[] choleraGradeTwoFromTwelve() {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(
                Workbooks.root().resolve("tables/national-grading.xlsx"))));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet cholera = wb.getSheet("Cholera");
            cholera.getRow(7).getCell(0).setCellValue("≥12");
            cholera.getRow(9).getCell(0).setCellValue("10～11");
            Sheet tests = wb.getSheet("Tests");
            for (int row : new int[] {32, 33}) {
                Row r = tests.getRow(row - 1);
                r.getCell(13).setCellValue("Ⅱ");
                r.getCell(14).setCellValue("orange");
                r.getCell(15).setCellValue("Cholera!R8");
            }
            tests.getRow(38).getCell(1).setCellValue(11);
            tests.getRow(39).getCell(1).setCellValue(11);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
