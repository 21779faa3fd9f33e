package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.beacon.service.ruleset.RuleSetEvent;
import org.beacon.service.security.Role;
import org.beacon.service.security.SecurityProperties;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.web.RequestLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's controllers with the real security configuration, without a browser: who is sent where, the 403
 * page, the language a request gets, the security headers, and that text from a workbook or a request is shown as
 * text. The rule-set pages' slice ({@link RuleSetPagesSlice}), with versions of its own.
 */
class ConsolePagesTest extends RuleSetPagesSlice {

    /** A browser sending the cookie of a session that is no longer there. */
    private static final RequestPostProcessor ENDED_SESSION = request -> {
        request.setRequestedSessionId("ENDED");
        request.setRequestedSessionIdValid(false);
        return request;
    };

    /**
     * The service's two security chains (API and console), as they are, with their properties' defaults (and the
     * service's own, for its request-size filter, which a web slice includes like every filter).
     */
    @TestConfiguration
    @EnableConfigurationProperties({SecurityProperties.class, RequestLimits.class})
    @ComponentScan(basePackages = "org.beacon.service.security", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = "org\\.beacon\\.service\\.security\\.(Console)?SecurityConfig"))
    static class Security {
    }

    /**
     * Six versions of every status, dated and undated, and hostile text, instead of the slice's: overriding the
     * slice's {@code @BeforeEach} method means only this one runs.
     */
    @BeforeEach
    @Override
    void versions() {
        StoredUsers.knows(users, "platform", Role.CALLER);
        StoredUsers.knows(users, "reviewer", Role.REVIEWER);
        when(ruleSets.list()).thenReturn(List.of(
                version("v1", "retired", false, null, "system", "bundled tables", List.of("national-grading.xlsx")),
                version("v2", "active", false, LocalDate.of(2020, 1, 1), "editor", null, List.of("a.xlsx")),
                version("v3", "active", true, LocalDate.of(2021, 1, 1), "editor", "in force", List.of("a.xlsx")),
                version("v4", "active", false, LocalDate.of(2099, 6, 1), "editor", "later", List.of("a.xlsx")),
                version("v5", "active", false, LocalDate.of(2098, 1, 1), "editor", "sooner", List.of("a.xlsx")),
                version("v6", "draft", false, null, "<img src=x onerror=alert(2)>", HOSTILE,
                        List.of("\"><script>alert(3)</script>.xlsx"))));
        when(ruleSets.events()).thenReturn(List.of(
                new RuleSetEvent(1, "v1", RuleSetEvent.ACTIVATION, null, "system", Instant.parse("2026-11-01T08:00:00Z")),
                new RuleSetEvent(2, "v3", RuleSetEvent.ACTIVATION, "v1", HOSTILE, Instant.parse("2026-11-03T09:00:00Z"))));
    }

    @Test
    void theRootAddressLeadsToTheConsoleAndAnAnonymousPageToTheSignInPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/console"));
        mvc.perform(get("/console/rule-sets")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/sign-in"));
    }

    @Test
    void anEndedSessionSaysSoAndAnHtmxRequestIsSentToTheSignInPageAsAWhole() throws Exception {
        mvc.perform(get("/console/rule-sets").with(ENDED_SESSION))
                .andExpect(redirectedUrl("/console/sign-in?expired"));
        mvc.perform(get("/console/rule-sets").header("HX-Request", "true").with(ENDED_SESSION))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect",
                        "/console/sign-in?expired"));
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerIsRefusedTheAuditTrailItsExportAndTheRiskMap() throws Exception {
        for (String page : new String[] {"/console/audit", "/console/audit.csv", "/console/audit/regions/330106",
            "/console/audit/5f0c6a52-3f43-4d8e-9a43-2f1e6f1f7a10", "/console/risk-map"}) {
            mvc.perform(get(page)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
        }
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerIsRefusedTheRuleSetsWithTheConsoles403PageInItsLanguage() throws Exception {
        mvc.perform(get("/console/rule-sets")).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/console/forbidden"));
        mvc.perform(get("/console/users")).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/console/forbidden"));
        String english = body(mvc.perform(get("/console/forbidden").header("Accept-Language", "en"))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(english).contains("You cannot open this page", "Your role (Caller) does not include this page.");
        String chinese = body(mvc.perform(get("/console/forbidden").header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(chinese).contains("<html lang=\"zh-CN\">", "您无权打开此页面", "您的角色（调用方）不包含此页面。");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void theNavigationOffersACallerTheHomePageAndTryADecisionOnly() throws Exception {
        String home = body(mvc.perform(get("/console")).andExpect(status().isOk()).andReturn());
        assertThat(home).contains("href=\"/console\"", "platform", "Caller", "href=\"/console/decisions\"")
                .doesNotContain("href=\"/console/rule-sets\"", "href=\"/console/users\"");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aReviewerIsOfferedTheRuleSets() throws Exception {
        String home = body(mvc.perform(get("/console")).andExpect(status().isOk()).andReturn());
        assertThat(home).contains("href=\"/console/rule-sets\"").doesNotContain("href=\"/console/users\"");
    }

    @Test
    void theLanguageIsTheChosenOneElseTheBrowsersElseEnglish() throws Exception {
        assertThat(language(null, null)).isEqualTo("en");
        assertThat(language("zh-CN,zh;q=0.9,en;q=0.8", null)).isEqualTo("zh-CN");
        assertThat(language("zh-TW", null)).as("the console's Chinese is simplified").isEqualTo("zh-CN");
        assertThat(language("fr-FR,fr;q=0.9,zh;q=0.5", null)).isEqualTo("zh-CN");
        assertThat(language("fr-FR,de;q=0.5", null)).isEqualTo("en");
        assertThat(language("en", "zh")).as("the switch wins").isEqualTo("zh-CN");
        assertThat(language("zh-CN", "en")).isEqualTo("en");
        assertThat(language("zh-CN", "<x>")).as("an unknown cookie is ignored").isEqualTo("zh-CN");
    }

    @Test
    void theSwitchRemembersTheLanguageAndReturnsToTheSamePage() throws Exception {
        MvcResult r = mvc.perform(get("/console/sign-in").queryParam("error", "").queryParam("lang", "zh"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/sign-in?error=")).andReturn();
        assertThat(r.getResponse().getHeader("Set-Cookie")).startsWith("beacon-language=zh;").contains("HttpOnly",
                "SameSite=Lax");
        mvc.perform(get("/console/sign-in").queryParam("lang", "xx")).andExpect(status().isOk());
    }

    @Test
    void theSignInPageSaysWhyASignInFailed() throws Exception {
        assertThat(body(mvc.perform(get("/console/sign-in").queryParam("error", "")).andReturn()))
                .contains("The user name or password is wrong, or the user is disabled.");
        assertThat(body(mvc.perform(get("/console/sign-in?throttled=42").header("Accept-Language", "zh")).andReturn()))
                .contains("此地址登录失败的次数过多，请 42 秒后再试。");
        assertThat(body(mvc.perform(get("/console/sign-in").queryParam("throttled", HOSTILE)).andReturn()))
                .contains("Try again in 60 seconds.").doesNotContain(HOSTILE);
        assertThat(body(mvc.perform(get("/console/sign-in").queryParam("expired", "")).andReturn()))
                .contains("Your session has ended. Please sign in again.");
    }

    @Test
    void everyConsolePageHasAStrictContentSecurityPolicyAndCannotBeFramed() throws Exception {
        MvcResult r = mvc.perform(get("/console/sign-in")).andReturn();
        String csp = r.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(r.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String page = r.getResponse().getContentAsString();
        assertThat(page).as("no inline script or style").doesNotContain("<script>", "<style", "style=\"",
                " on" + "click=", "hx-on");
        assertThat(page).contains("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void ruleSetsShowEachVersionsStateTodaysVersionAndTheNextByEffectiveDate() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(section(page, "id=\"in-force\"")).contains("v3", "In force today", "from 2021-01-01");
        assertThat(section(page, "id=\"next\"")).as("the earliest scheduled date, not the latest activation")
                .contains("v5", "Scheduled", "from 2098-01-01").doesNotContain("v4");
        assertThat(section(page, "id=\"version-v2\"")).contains("In force on earlier dates");
        assertThat(section(page, "id=\"version-v4\"")).contains("Scheduled");
        assertThat(section(page, "id=\"version-v6\"")).contains("Draft");
        assertThat(section(page, "id=\"version-v1\"")).contains("Retired");
        assertThat(page.indexOf("id=\"version-v6\"")).as("newest first").isLessThan(page.indexOf("id=\"version-v1\""));
        String events = page.substring(page.indexOf("id=\"events\""), page.indexOf("</table>", page.indexOf("id=\"events\"")));
        assertThat(events).contains("Activated", "v3", "v1");
        assertThat(events.indexOf("v3")).as("newest first").isLessThan(events.lastIndexOf("system"));
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void textFromAWorkbookOrARequestIsShownAsText() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain(HOSTILE, "<img src=x", "<script>alert(3)")
                .contains("/rule-sets/v6/workbooks/%22%3E%3Cscript%3Ealert(3)%3C/script%3E.xlsx");
    }

    private String language(String acceptLanguage, String cookie) throws Exception {
        var request = get("/console/sign-in");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request.cookie(new Cookie("beacon-language", cookie));
        }
        String page = body(mvc.perform(request).andExpect(status().isOk()).andReturn());
        return page.substring(page.indexOf("<html lang=\"") + 12, page.indexOf('"', page.indexOf("<html lang=\"") + 12));
    }

    /** The element that starts with this attribute, up to the next one of its kind (roughly: enough to assert on). */
    private static String section(String page, String attribute) {
        int start = page.indexOf(attribute);
        assertThat(start).as(attribute).isPositive();
        int end = page.indexOf("</tr>", start);
        int article = page.indexOf("</article>", start);
        return page.substring(start, article > 0 && (end < 0 || article < end) ? article : end < 0 ? page.length()
                : end);
    }

    private static String body(MvcResult r) throws Exception {
        r.getResponse().setCharacterEncoding("UTF-8");
        return r.getResponse().getContentAsString();
    }
}
