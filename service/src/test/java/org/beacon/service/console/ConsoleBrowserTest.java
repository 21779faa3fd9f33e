package org.beacon.service.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * What every browser test of the console shares: the packaged jar started once for the class (named after it), one
 * headless Chromium per test, and a screenshot of each test's last page, named after the test and the page's
 * language, under {@code target/screenshots/} for review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserTest {

    protected PackagedBeacon beacon;
    protected Chromium browser;

    @BeforeAll
    void startTheJar() throws Exception {
        Chromium.requireInstalled();
        beacon = PackagedBeacon.start(getClass().getSimpleName(), options());
    }

    /** More options for the service of this class ({@code --name=value}); none by default. */
    protected java.util.List<String> options() {
        return java.util.List.of();
    }

    @AfterAll
    void stopTheJar() throws Exception {
        if (beacon != null) {
            beacon.close();
        }
    }

    @AfterEach
    void screenshotOfTheLastPage(TestInfo test) {
        if (browser != null) {
            try {
                browser.screenshot(test.getTestMethod().orElseThrow().getName() + "-" + language());
            } finally {
                browser.close();
                browser = null;
            }
        }
    }

    /** Starts this test's browser, asking for pages in {@code languages} (an Accept-Language value). */
    protected Chromium browser(String languages) {
        browser = Chromium.start(languages);
        return browser;
    }

    /** A new user with this one role ({@code caller}, …), created over the API by the first admin. */
    protected org.beacon.service.Http.Credentials newUser(String role) {
        String name = role + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        org.beacon.service.Http.Response created = beacon.api().postJson("/users", "{\"username\":\"" + name
                + "\",\"roles\":[\"" + role + "\"]}");
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new org.beacon.service.Http.Credentials(name, created.json().at("/password").asString());
    }

    /** The language of the page shown: zh or en. */
    protected String language() {
        return browser.pageLanguage().startsWith("zh") ? "zh" : "en";
    }
}
