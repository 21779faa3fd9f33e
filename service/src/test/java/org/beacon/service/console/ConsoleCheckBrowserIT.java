package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.service.Http;
import org.beacon.service.ruleset.CholeraThresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The expert's round trip up to a draft, in headless Chromium against the packaged jar: sign in as an editor, upload
 * a workbook whose threshold cell has a slip and see the diagnostic and that cell highlighted in the sheet (nothing
 * stored), upload the corrected workbook and store it as a draft, and read the draft's diff against the version in
 * force. Also: a caller is offered no upload and refused it by address, a session that ends in the middle of an
 * upload ends on the sign-in page with nothing stored, a 2,000-row sheet is paged and opened at a row, and a
 * workbook's {@code <script>} is shown as text. Each test leaves a screenshot of its last page.
 */
class ConsoleCheckBrowserIT extends ConsoleBrowserTest {

    private Path files;

    @BeforeAll
    void aFolderForTheWorkbooks() throws Exception {
        files = Files.createTempDirectory("beacon-check-files-");
    }

    @Test
    void anEditorSeesABrokenThresholdOnItsCellThenStoresTheCorrectedWorkbookAndReadsItsDiff() throws Exception {
        String before = versions();
        signInAs(user("editor"), "en-US,en");
        browser.clickTo(browser.driver().findElement(By.linkText("Upload and check")), CheckPage.PATH);
        assertThat(browser.text("h1")).isEqualTo("Upload and check");

        check(workbook("broken", CholeraThresholds.broken()), "cholera Ⅱ from 3O");
        assertThat(browser.text(".verdict")).contains("1 error: an upload would be refused.");
        assertThat(browser.text("#diagnostics")).contains(CholeraThresholds.THRESHOLD_CELL, "national-grading.xlsx",
                "Error");
        WebElement cell = cell("cell-Cholera!A8");
        assertThat(cell.getAttribute("class")).contains("is-focus", "mark-error");
        assertThat(cell.getText()).contains("Error").contains("≥ 3O");
        assertThat(visibleInTheGrid(cell, false)).as("the grid turned to the cell").isTrue();
        assertThat(cell("cell-Cholera!J10").getText()).as("a workbook's markup is text")
                .isEqualTo(CholeraThresholds.HOSTILE);
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver().findElements(By.id("store"))).as("no draft from a check with errors").isEmpty();

        // the grid elsewhere, then the diagnostic clicked: the grid opens at its cell again
        browser.driver().findElement(By.cssSelector(".sheet-tabs a[href*='sheet=Tests']")).click();
        waitFor(d -> d.findElements(By.id("cell-Tests!A1")).size() == 1);
        browser.driver().findElement(By.cssSelector("#diagnostics a[href*='cell=A8']")).click();
        waitFor(d -> d.findElements(By.cssSelector("td.is-focus[id='cell-Cholera!A8']")).size() == 1);
        // the page scrolls once htmx has settled the new grid, a moment after the cell is there: wait for it
        waitFor(d -> visibleInTheGrid(cell("cell-Cholera!A8"), true));
        browser.assertNoConsoleErrors();
        assertThat(versions()).as("a check stores nothing").isEqualTo(before);
        browser.screenshot("check-broken-threshold-en");
        readme("console-check");

        check(workbook("from25-tests-not", CholeraThresholds.from25TestsNotMoved()), "cholera Ⅱ from 25 cases");
        assertThat(browser.text(".verdict")).contains("an upload would be refused");
        WebElement failedTest = browser.driver().findElement(By.cssSelector("#tests tr.test-failed"));
        assertThat(failedTest.getText()).contains("Tests!R33", "Failed", "cases = 29", "Ⅲ", "Ⅱ", "differs");
        assertThat(browser.driver().findElement(By.id("Tests!R33")).getAttribute("class")).contains("mark-failed");
        browser.screenshot("check-failed-test-en");

        check(workbook("from25", CholeraThresholds.from25()), "cholera Ⅱ from 25 cases");
        assertThat(browser.text(".verdict")).contains("No errors: an upload would store these workbooks.");
        assertThat(browser.text("#tests")).contains("passed, 0 failed.");
        assertThat(browser.text("#diff")).contains("What it would change against v1", "Table Cholera");
        assertThat(versions()).isEqualTo(before);
        browser.screenshot("check-clean-en");

        browser.clickTo(browser.driver().findElement(By.id("store")), "/console/rule-sets/v");
        String id = browser.driver().getCurrentUrl().replaceAll(".*/console/rule-sets/(v\\d+).*", "$1");
        assertThat(browser.text(".notice-success")).contains("Stored as draft " + id);
        assertThat(browser.text("h1")).contains("Version " + id).contains("Draft");
        assertThat(browser.text("#why-not")).contains("Only an administrator may activate or roll back a version");
        assertThat(browser.text("#diff h2")).isEqualTo("What changes from v1 to " + id);
        List<String> changed = browser.driver().findElements(By.cssSelector("#diff td.changed")).stream()
                .map(WebElement::getText).toList();
        assertThat(changed).contains("≥30", "≥25", "10～29", "10～24");
        assertThat(beacon.api().getBytes("/rule-sets/" + id + "/workbooks/national-grading.xlsx"))
                .as("the bytes that were checked").isEqualTo(CholeraThresholds.from25());
        assertThat(beacon.api().get("/rule-sets/" + id).json().at("/status").asString()).isEqualTo("draft");
        browser.screenshot("draft-diff-en");

        browser.clickTo(browser.driver().findElement(By.cssSelector("#diff a[href*='/cells/Cholera!R8']")),
                "/cells/Cholera!R8");
        assertThat(browser.text("main .lead")).isEqualTo("Cholera!R8 of national-grading.xlsx is highlighted.");
        assertThat(browser.driver().findElement(By.id("Cholera!R8")).getAttribute("class")).contains("is-focus");
    }

    @Test
    void theCheckPageWorksInChineseToo() throws Exception {
        signInAs(user("editor"), "zh-CN,zh;q=0.9");
        browser.clickTo(browser.driver().findElement(By.linkText("上传与检查")), CheckPage.PATH);
        assertThat(browser.text("h1")).isEqualTo("上传与检查");
        check(workbook("broken", CholeraThresholds.broken()), "霍乱 Ⅱ 级阈值");
        assertThat(browser.text(".verdict")).contains("1 个错误：上传会被拒绝。");
        assertThat(browser.text("#diagnostics")).contains("错误", CholeraThresholds.THRESHOLD_CELL)
                .as("the diagnostic itself in Chinese, its code and what the expert wrote as they are")
                .contains("“≥ 3O”").containsPattern("[A-Z_]{6,}").doesNotContain(" is not ");
        assertThat(cell("cell-Cholera!A8").getAttribute("class")).contains("is-focus", "mark-error");
        assertThat(cell("cell-Cholera!A8").getText()).contains("错误");
        browser.screenshot("check-broken-threshold-zh");
        readme("console-check-zh");

        browser.open(beacon.url("/console/rule-sets/v1"));
        assertThat(browser.text("h1")).contains("版本 v1").contains("今日生效");
        assertThat(browser.text("#why-not")).contains("只有管理员可以启用或回滚版本");
    }

    @Test
    void aCallerIsOfferedNoUploadAndIsRefusedItByAddress() throws Exception {
        signInAs(user("caller"), "en-US,en");
        assertThat(browser.driver().findElements(By.linkText("Upload and check"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("a[href$='/console/rule-sets/check']"))).isEmpty();
        browser.driver().get(beacon.url(CheckPage.PATH));
        browser.assertNoConsoleErrors(403);
        assertThat(browser.text("h1")).isEqualTo("You cannot open this page");
        assertThat(status(CheckPage.PATH, browser.sessionCookie())).isEqualTo(403);
    }

    @Test
    void aSessionThatEndsInTheMiddleOfAnUploadEndsOnTheSignInPageAndNothingIsStored() throws Exception {
        String before = versions();
        Http.Credentials editor = user("editor");
        signInAs(editor, "en-US,en");
        browser.open(beacon.url(CheckPage.PATH));
        browser.driver().findElement(By.id("files")).sendKeys(workbook("from25", CholeraThresholds.from25())
                .toString());
        endTheSession();
        browser.driver().findElement(By.id("check-button")).click();
        browser.waitForPath("/console/sign-in");
        assertThat(browser.text(".notice-info")).isEqualTo("Your session has ended. Please sign in again.");
        browser.assertNoConsoleErrors();

        browser.signIn(editor.username(), editor.password());
        browser.open(beacon.url(CheckPage.PATH));
        assertThat(browser.driver().findElements(By.id("result"))).as("nothing was checked").isEmpty();
        check(workbook("from25", CholeraThresholds.from25()), "stored after the session ends?");
        assertThat(browser.driver().findElements(By.id("store"))).hasSize(1);
        endTheSession();
        browser.driver().findElement(By.id("store")).click();
        browser.waitForPath("/console/sign-in");
        assertThat(browser.text(".notice-info")).isEqualTo("Your session has ended. Please sign in again.");
        assertThat(versions()).as("nothing half-stored").isEqualTo(before);

        browser.signIn(editor.username(), editor.password());
        browser.open(beacon.url(CheckPage.PATH));
        assertThat(browser.driver().findElements(By.id("result"))).as("the checked files ended with the session")
                .isEmpty();
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aTwoThousandRowSheetIsPagedAndOpensAtARow() throws Exception {
        WorkbookBuilder b = new WorkbookBuilder();
        WorkbookBuilder.Sheet notes = b.sheet("Notes").row("Notes 说明", "generated").row("row", "text", "more")
                .merge("B1:C1");
        for (int i = 3; i <= 2000; i++) {
            notes.row(i, "line " + i, i % 7 == 0 ? "乙类 " + i : null);
        }
        Http.Response upload = beacon.api().postFiles("/rule-sets", Map.of("comment", "a 2,000-row sheet"),
                Map.of("notes.xlsx", b.bytes()));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String id = upload.json().at("/id").asString();

        signInAs(user("reviewer"), "en-US,en");
        browser.open(beacon.url("/console/rule-sets/" + id));
        browser.driver().findElement(By.cssSelector(".workbook-tabs a[href*='workbook=notes.xlsx']")).click();
        waitFor(d -> d.findElements(By.id("Notes!R200")).size() == 1);
        assertThat(browser.text(".grid-position")).contains("rows 1–200 of 2,000");
        long started = System.nanoTime();
        browser.driver().findElement(By.cssSelector(".pager a[rel=next]")).click();
        waitFor(d -> d.findElements(By.id("Notes!R400")).size() == 1);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(browser.text(".grid-position")).contains("rows 201–400 of 2,000");
        assertThat(browser.driver().getCurrentUrl()).as("the address follows the page").contains("page=2");
        assertThat(browser.driver().findElements(By.id("Notes!R200"))).isEmpty();
        browser.assertNoConsoleErrors();
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "page 2 of a 2,000-row sheet: {0} ms "
                + "from click to shown", millis);

        browser.open(beacon.url("/console/rule-sets/" + id + "/cells/Notes!R1999"));
        WebElement row = browser.driver().findElement(By.id("Notes!R1999"));
        assertThat(row.getAttribute("class")).contains("is-focus");
        assertThat(browser.text(".grid-position")).contains("rows 1,801–2,000 of 2,000");
        assertThat(visibleInTheGrid(row, true)).isTrue();
        assertThat(browser.fitsTheWindow()).as("only the grid scrolls sideways").isTrue();
    }

    /**
     * What the README shows of the check page: the diagnostics and the sheet with the diagnosed cell, in a window of
     * 1280×1400 (copied to docs/images/ by hand, after looking at it).
     */
    private void readme(String name) {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        browser.driver().executeScript("document.getElementById('result').scrollIntoView({block: 'start'});"
                + "const box = document.querySelector('.grid-scroll');"
                + "const focus = document.querySelector('#grid .is-focus');"
                + "if (box && focus) { box.scrollTop += focus.getBoundingClientRect().top"
                + " - box.getBoundingClientRect().top - box.clientHeight / 3; }");
        browser.screenshotOfTheWindow(name);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }

    private void signInAs(Http.Credentials user, String languages) {
        browser(languages).open(beacon.url("/console"));
        browser.signIn(user.username(), user.password());
        browser.waitForPath("/console");
    }

    /** A new user with this role, made by the admin through the API; its generated password is in the answer. */
    private Http.Credentials user(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = beacon.api().postJson("/users", "{\"username\":\"" + name + "\",\"roles\":[\""
                + role + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Http.Credentials(name, created.json().at("/password").asString());
    }

    /** The workbook saved as national-grading.xlsx in a folder of its own, as an expert saves it. */
    private Path workbook(String folder, byte[] bytes) throws Exception {
        Path file = Files.createDirectories(files.resolve(folder)).resolve(CholeraThresholds.WORKBOOK);
        Files.write(file, bytes);
        return file;
    }

    /** Chooses the file, writes the comment, presses "Check" and waits for the new result. */
    private void check(Path workbook, String comment) {
        List<WebElement> old = browser.driver().findElements(By.id("result"));
        List<WebElement> folded = browser.driver().findElements(By.cssSelector("#check-again:not([open]) > summary"));
        if (!folded.isEmpty()) {
            folded.get(0).click();
        }
        browser.driver().findElement(By.id("files")).sendKeys(workbook.toString());
        WebElement note = browser.driver().findElement(By.id("comment"));
        note.clear();
        note.sendKeys(comment);
        browser.driver().findElement(By.id("check-button")).click();
        if (!old.isEmpty()) {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(old.get(0)));
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("result")));
        browser.waitForPath(CheckPage.PATH);
        browser.assertNoConsoleErrors();
    }

    private WebElement cell(String id) {
        return browser.driver().findElement(By.id(id));
    }

    /** True when the element is inside the grid's visible box, and with {@code inWindow} in the window's too. */
    private boolean visibleInTheGrid(WebElement element, boolean inWindow) {
        Object visible = browser.driver().executeScript("const e = arguments[0].getBoundingClientRect();"
                + "const g = document.querySelector('.grid-scroll').getBoundingClientRect();"
                + "return e.top >= g.top - 1 && e.bottom <= g.bottom + 1"
                + " && (!arguments[1] || (e.top >= 0 && e.bottom <= innerHeight));", element, inWindow);
        return Boolean.TRUE.equals(visible);
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(condition::apply);
    }

    /** The session ends as a timed-out one does: the browser still sends a cookie the service no longer knows. */
    private void endTheSession() {
        Cookie session = browser.sessionCookie();
        browser.driver().manage().deleteCookie(session);
        browser.driver().manage().addCookie(new Cookie.Builder(session.getName(), "ENDED" + session.getValue())
                .path("/").isHttpOnly(true).build());
    }

    private String versions() {
        return beacon.api().get("/rule-sets").json().valueStream().map(v -> v.at("/id").asString()).toList()
                .toString();
    }

    private int status(String path, Cookie session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(beacon.url(path))).GET()
                .header("Cookie", session.getName() + "=" + session.getValue()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
