package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium driven through Selenium, as the browser tests use it: Debian's {@code chromium} and
 * {@code chromium-driver} at the paths given (nothing is downloaded: Selenium Manager never runs, because both paths
 * are explicit), run as root with {@code --no-sandbox}, a new empty profile, a 1280×800 window, downloads into a
 * folder of its own and the browser's console log kept ({@code goog:loggingPrefs}) so that every page visited can be
 * checked for errors, Content-Security-Policy violations among them.
 */
final class Chromium implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Chromium.class);
    static final Path BINARY = Path.of(System.getProperty("beacon.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("beacon.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install chromium chromium-driver";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final Path screenshots;

    private Chromium(ChromeDriver driver, Path profile, Path downloads, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.screenshots = screenshots;
    }

    /**
     * Goes on when Chromium and its driver are installed. Without them the browser tests fail under CI
     * ({@code CI=true}) and are skipped elsewhere, with one line naming the install command.
     */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing = "the browser tests need " + BINARY + " and " + DRIVER + ": " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing);
        }
        if (TOLD.compareAndSet(false, true)) {
            log.warn("Skipping the browser tests: {}", missing);
        }
        Assumptions.abort(missing);
    }

    /** A new browser whose {@code Accept-Language} is {@code languages} (e.g. {@code "en-US,en"}). */
    static Chromium start(String languages) {
        try {
            Path target = Path.of(System.getProperty("beacon.jar", "target/beacon.jar")).toAbsolutePath().getParent();
            Path profile = Files.createTempDirectory("beacon-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            Path screenshots = Path.of(System.getProperty("beacon.screenshots", target.resolve("screenshots")
                    .toString()));
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.resolve("profile"),
                    "--window-size=1280,800", "--lang=" + languages.split(",")[0]);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages,
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile, downloads, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens an address and checks the page for browser errors. */
    void open(String url) {
        driver.get(url);
        assertNoConsoleErrors();
    }

    /** Clicks, waits until the address has {@code path} in it, and checks the new page for browser errors. */
    void clickTo(WebElement element, String path) {
        element.click();
        waitForPath(path);
        assertNoConsoleErrors();
    }

    /**
     * Clicks an element that leaves the page (a form's button, a link to the same address), waits for the next page
     * to have loaded, and checks it for browser errors; {@code expectedStatus} as in {@link #assertNoConsoleErrors}.
     */
    void clickToNextPage(WebElement element, int... expectedStatus) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(element));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
        assertNoConsoleErrors(expectedStatus);
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(path));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
    }

    /** Signs in through the form, as a person does. */
    void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
        assertNoConsoleErrors();
    }

    /** Waits until the element shows this text (after a click that reloads the same address, say). */
    void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.cssSelector(css),
                text));
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** The language the page says it is in ({@code <html lang>}): {@code en}, {@code zh-CN}. */
    String pageLanguage() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID");
    }

    /**
     * Fails on any error the browser logged since the last check: a script or resource that failed, a
     * Content-Security-Policy violation. {@code expectedStatus} allows the one line Chromium logs for a page whose
     * own status is that error on purpose (the console's 403 and 404 pages).
     */
    void assertNoConsoleErrors(int... expectedStatus) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() < Level.SEVERE.intValue()) {
                continue;
            }
            boolean expected = false;
            for (int status : expectedStatus) {
                expected |= e.getMessage().contains("the server responded with a status of " + status);
            }
            if (!expected) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("browser console errors on %s", driver.getCurrentUrl()).isEmpty();
    }

    /** Saves the whole page, as wide as the window, as {@code <name>.png} under the screenshots folder. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        return capture(name, size.get("height"));
    }

    /** Saves the page from its top down to the end of the element {@code css}, as {@code <name>.png}. */
    Path screenshotDownTo(String name, String css) {
        return capture(name, driver.executeScript("const r = document.querySelector(arguments[0])"
                + ".getBoundingClientRect(); return Math.ceil(r.bottom + window.scrollY + 24);", css));
    }

    /** The page from its top down to {@code height}, as wide as the window, saved as {@code <name>.png}. */
    private Path capture(String name, Object height) {
        try {
            // the whole window's width: drawn beyond the viewport, the page has no scroll bar to leave out
            Object width = driver.executeScript("return window.innerWidth");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                            "height", height, "scale", 1)));
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the window shows, as a person sees it (not the whole page), as {@code <name>.png}. */
    Path screenshotOfTheWindow(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the browser logged since the last check (and forgets them). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** True when the page is no wider than the window: nothing to scroll sideways but inside a table's own box. */
    boolean fitsTheWindow() {
        return Boolean.TRUE.equals(driver.executeScript("return document.documentElement.scrollWidth "
                + "<= document.documentElement.clientWidth"));
    }

    /** Waits for a finished download of this name and returns its bytes. */
    byte[] downloaded(String name) throws IOException {
        Path file = downloads.resolve(name);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return Files.readAllBytes(file);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
