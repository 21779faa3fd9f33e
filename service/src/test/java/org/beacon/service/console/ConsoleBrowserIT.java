package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The console's foundation in a real browser: headless Chromium against the packaged jar, started once for this
 * class. Each test acts as a person does (opens the address, types, clicks), checks every page it visits for
 * browser console errors (Content-Security-Policy violations included) and leaves a screenshot of its last page
 * under {@code target/screenshots/} named after the test and the page's language.
 */
class ConsoleBrowserIT extends ConsoleBrowserTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    private void signInAsAdmin() {
        browser.open(beacon.url("/console"));
        browser.signIn(beacon.admin().username(), beacon.admin().password());
    }

    private WebElement navLink(String text) {
        return browser.driver().findElement(By.linkText(text));
    }

    @Test
    void signsInWithTheKnownPasswordAndSeesV1InForceInBothLanguages() {
        Http.Response upload = beacon.api().postForm("/rule-sets", Map.of("comment", HOSTILE, "effectiveFrom",
                "2099-01-01"), List.of(new Http.FilePart("files", "national-grading.xlsx",
                read("tables/national-grading.xlsx"))));
        assertThat(upload.status()).as(upload.body()).isIn(200, 201);
        String scheduled = upload.json().at("/id").asString();
        assertThat(beacon.api().postJson("/rule-sets/" + scheduled + "/activation", "").status()).isEqualTo(200);

        browser("en-US,en");
        browser.open(beacon.url("/"));
        browser.waitForPath("/console/sign-in");
        assertThat(browser.text("h1")).isEqualTo("Sign in");
        browser.signIn(beacon.admin().username(), beacon.admin().password());
        browser.waitForPath("/console");
        assertThat(browser.text(".who")).contains("admin").contains("Administrator");
        assertThat(htmxLoadedWithoutStyles()).isTrue();

        browser.clickTo(navLink("Rule sets"), "/console/rule-sets");
        assertThat(browser.text("#in-force")).contains("v1").contains("In force today").contains("every date");
        assertThat(browser.text("#version-v1")).contains("In force today");
        assertThat(browser.text("#next")).contains(scheduled).contains("Scheduled").contains("from 2099-01-01");
        assertThat(browser.text("#version-" + scheduled)).as("the comment is text, not markup").contains(HOSTILE);
        assertThat(browser.text("#events")).contains("Activated");
        browser.screenshot("rule-sets-en");

        browser.driver().findElement(By.cssSelector(".languages a[lang=zh]")).click();
        browser.waitForText("h1", "规则集");
        browser.assertNoConsoleErrors();
        assertThat(browser.pageLanguage()).isEqualTo("zh-CN");
        assertThat(browser.text("#version-v1")).contains("今日生效");
        assertThat(browser.text("#next")).contains("已计划生效");
        assertThat(browser.text(".who")).contains("管理员");
        assertThat(browser.driver().getCurrentUrl()).as("the switch leaves a clean address").doesNotContain("lang=");
        browser.screenshot("rule-sets-zh");

        browser.clickTo(navLink("首页"), "/console");
        assertThat(browser.text("h1")).as("the choice is remembered").isEqualTo("欢迎，admin");
        browser.screenshot("home-zh");
        browser.driver().findElement(By.cssSelector(".languages a[lang=en]")).click();
        browser.waitForText("h1", "Welcome, admin");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPageWithAMessageInEitherLanguage() {
        browser("en-US,en");
        browser.open(beacon.url("/console"));
        browser.signIn("admin", "not-the-password");
        browser.waitForPath("/console/sign-in?error");
        assertThat(browser.text(".notice-error")).isEqualTo("The user name or password is wrong, or the user is "
                + "disabled.");
        assertThat(browser.driver().findElement(By.id("password")).getAttribute("value")).isEmpty();
        browser.screenshot("sign-in-refused-en");

        browser.driver().findElement(By.cssSelector(".languages a[lang=zh]")).click();
        browser.waitForText("h1", "登录");
        browser.assertNoConsoleErrors();
        assertThat(browser.text(".notice-error")).isEqualTo("用户名或密码错误，或该用户已停用。");
        browser.signIn("nobody", "not-the-password");
        browser.waitForPath("/console/sign-in?error");
        assertThat(browser.text("h1")).isEqualTo("登录");
        assertThat(browser.text(".notice-error")).isEqualTo("用户名或密码错误，或该用户已停用。");
    }

    @Test
    void aChineseBrowserGetsTheChinesePagesWithoutSwitching() {
        browser("zh-CN,zh;q=0.9,en;q=0.8");
        browser.open(beacon.url("/console"));
        browser.waitForPath("/console/sign-in");
        assertThat(browser.pageLanguage()).isEqualTo("zh-CN");
        assertThat(browser.text("h1")).isEqualTo("登录");
        browser.signIn(beacon.admin().username(), beacon.admin().password());
        assertThat(browser.text("h1")).isEqualTo("欢迎，admin");
        assertThat(browser.text(".legend")).contains("Ⅰ级").contains("特别重大").contains("红色");
    }

    @Test
    void aCallerSeesNoPageItMayNotUseAndGetsTheForbiddenPageByAddress() throws Exception {
        String name = "caller-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = beacon.api().postJson("/users", "{\"username\":\"" + name
                + "\",\"roles\":[\"caller\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String password = created.json().at("/password").asString();

        browser("en-US,en");
        browser.open(beacon.url("/console"));
        browser.signIn(name, password);
        browser.waitForPath("/console");
        assertThat(browser.text(".who")).contains(name).contains("Caller");
        assertThat(browser.driver().findElements(By.cssSelector(".site-nav a"))).extracting(WebElement::getText)
                .containsExactly("Home", "Try a decision");
        assertThat(browser.driver().findElements(By.linkText("Rule sets"))).isEmpty();
        assertThat(browser.text(".cards")).contains("Try a decision").doesNotContain("Rule sets", "Users");

        for (String path : List.of("/console/users", "/console/rule-sets")) {
            browser.driver().get(beacon.url(path));
            browser.assertNoConsoleErrors(403);
            assertThat(browser.text("h1")).as(path).isEqualTo("You cannot open this page");
            assertThat(browser.text("main")).contains("Your role (Caller) does not include this page.");
            assertThat(statusWithTheSession(path)).as(path).isEqualTo(403);
        }
        browser.screenshot("forbidden-en");
        browser.driver().findElement(By.cssSelector(".languages a[lang=zh]")).click();
        browser.waitForText("h1", "您无权打开此页面");
        browser.assertNoConsoleErrors(403);
        assertThat(browser.text("main")).contains("您的角色（调用方）不包含此页面。");
    }

    @Test
    void signingOutEndsOnTheSignInPage() {
        browser("en-US,en");
        signInAsAdmin();
        browser.clickTo(browser.driver().findElement(By.cssSelector(".sign-out button")), "/console/sign-in");
        assertThat(browser.text(".notice-info")).isEqualTo("You have signed out.");
        assertThat(browser.driver().findElements(By.cssSelector(".who"))).isEmpty();
        browser.open(beacon.url("/console/rule-sets"));
        browser.waitForPath("/console/sign-in");
        assertThat(browser.driver().findElements(By.cssSelector(".notice"))).as("not 'session ended'").isEmpty();
    }

    @Test
    void anEndedSessionGoesToTheSignInPageAndBackToThePageAfterSigningIn() {
        browser("en-US,en");
        signInAsAdmin();
        Cookie session = browser.sessionCookie();
        browser.driver().manage().deleteCookie(session);
        browser.driver().manage().addCookie(new Cookie.Builder(session.getName(), "ENDED" + session.getValue())
                .path("/").isHttpOnly(true).build());
        browser.clickTo(navLink("Rule sets"), "/console/sign-in");
        assertThat(browser.text(".notice-info")).isEqualTo("Your session has ended. Please sign in again.");
        browser.signIn(beacon.admin().username(), beacon.admin().password());
        browser.waitForPath("/console/rule-sets");
        assertThat(browser.text("h1")).isEqualTo("Rule sets");
    }

    @Test
    void aSignedInBrowserDownloadsAWorkbookThroughTheApiWithoutAPasswordPrompt() throws Exception {
        browser("en-US,en");
        signInAsAdmin();
        browser.clickTo(navLink("Rule sets"), "/console/rule-sets");
        byte[] bundled = read("tables/national-grading.xlsx");

        browser.driver().findElement(By.cssSelector("#version-v1 a[href$='/national-grading.xlsx']")).click();
        assertThat(browser.downloaded("national-grading.xlsx")).as("the exact bytes").isEqualTo(bundled);
        browser.assertNoConsoleErrors();

        String path = "/rule-sets/v1/workbooks/national-grading.xlsx";
        HttpResponse<byte[]> withSession = get(path, browser.sessionCookie());
        assertThat(withSession.statusCode()).isEqualTo(200);
        assertThat(withSession.body()).isEqualTo(bundled);
        assertThat(withSession.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(withSession.headers().firstValue("Set-Cookie")).as("the API makes no session").isEmpty();

        assertThat(htmxPost("/rule-sets/v999/activation", true)).as("with the page's token it reaches the version, "
                + "which does not exist").isEqualTo(404);
        assertThat(htmxPost("/rule-sets/v999/activation", false)).as("a change without the token").isEqualTo(403);
        assertThat(browser.consoleErrors()).allSatisfy(e -> assertThat(e).containsAnyOf("403", "404"));

        HttpResponse<byte[]> without = get(path, null);
        assertThat(without.statusCode()).as("the API without a session is as before").isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Basic realm=\"beacon\""));
    }

    @Test
    void theRuleSetsReadInANarrowWindowWithoutTheWholePageScrollingSideways() {
        browser("en-US,en");
        signInAsAdmin();
        for (int width : new int[] {1280, 800, 420}) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open(beacon.url("/console/rule-sets"));
            assertThat(browser.fitsTheWindow()).as("%d px", width).isTrue();
            assertThat(browser.driver().findElement(By.cssSelector(".site-nav a[aria-current=page]")).getText())
                    .isEqualTo("Rule sets");
            browser.screenshot("rule-sets-" + width + "px-en");
        }
    }

    /**
     * The status of a POST sent by htmx from the page, with the CSRF header htmx takes from the page
     * ({@code hx-headers} on the body) or, to see it refused, without it.
     */
    private long htmxPost(String path, boolean withToken) {
        Object status = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "if (!arguments[1]) { document.body.removeAttribute('hx-headers'); }"
                + "document.body.addEventListener('htmx:afterRequest', e => done(e.detail.xhr.status), {once: true});"
                + "htmx.ajax('POST', arguments[0], {source: document.body, swap: 'none'});", path, withToken);
        return ((Number) status).longValue();
    }

    /** True when htmx is loaded, configured from the page's meta tag, and no style element was injected. */
    private boolean htmxLoadedWithoutStyles() {
        Object ok = browser.driver().executeScript("return typeof htmx !== 'undefined' && htmx.version === '2.0.8' "
                + "&& htmx.config.includeIndicatorStyles === false && document.querySelectorAll('style').length === 0");
        return Boolean.TRUE.equals(ok);
    }

    private int statusWithTheSession(String path) throws Exception {
        return get(path, browser.sessionCookie()).statusCode();
    }

    private HttpResponse<byte[]> get(String path, Cookie session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(beacon.url(path))).GET();
        if (session != null) {
            request.header("Cookie", session.getName() + "=" + session.getValue());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Workbooks.root().resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
