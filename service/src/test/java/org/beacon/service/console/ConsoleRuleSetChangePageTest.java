package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.ruleset.ConcurrentChangeException;
import org.beacon.service.ruleset.GradingWorkbooks;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.security.Role;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The activation and rollback confirmation pages without a browser: admins only, what will change (today's version
 * before and after, the effective date, the differences, who does it), confirming through the lifecycle service, and
 * a change refused or raced shown as a 409 page that changed nothing. The lifecycle service is a mock; the two
 * versions compared are small compiled grading workbooks that differ in one threshold.
 */
@WebMvcTest(controllers = {RuleSetChangePage.class, RuleSetsPage.class})
@Import({Navigation.class, RuleSetOverview.class, ConsolePagesTest.Security.class})
class ConsoleRuleSetChangePageTest {

    private static CompiledRuleSet thirty;
    private static CompiledRuleSet twentyFive;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    @BeforeAll
    static void compileTwoVersions() {
        thirty = compile("v1", 30);
        twentyFive = compile("v2", 25);
    }

    private static CompiledRuleSet compile(String id, int iiFrom) {
        return new RuleSetCompiler().compile(id, List.of(new WorkbookSource("grading.xlsx",
                GradingWorkbooks.grading(iiFrom)))).ruleSet().orElseThrow();
    }

    private static RuleSetView version(String id, String status, boolean today, LocalDate from, String comment) {
        return new RuleSetView(id, "hash-" + id, "editor", comment, Instant.parse("2026-11-01T08:00:00Z"), from,
                status, today, List.of("grading.xlsx"), 0, 3, null, null, null);
    }

    @BeforeEach
    void versions() {
        StoredUsers.knows(users, "root", Role.ADMIN);
        StoredUsers.knows(users, "editor", Role.EDITOR);
        when(ruleSets.find("v1")).thenReturn(version("v1", "active", true, null, null));
        when(ruleSets.find("v2")).thenReturn(version("v2", "draft", false, null, "Ⅱ from 25 <b>cases</b>"));
        when(ruleSets.find("v3")).thenReturn(version("v3", "draft", false, LocalDate.of(2099, 1, 1), null));
        when(ruleSets.compiled("v1")).thenReturn(thirty);
        when(ruleSets.compiled("v2")).thenReturn(twentyFive);
        when(ruleSets.compiled("v3")).thenReturn(twentyFive);
        when(ruleSets.previewActivation("v2")).thenReturn(new RuleSetService.Preview("v2", "v1", "v2", null));
        when(ruleSets.previewActivation("v3")).thenReturn(new RuleSetService.Preview("v3", "v1", "v1", null));
        when(ruleSets.previewRollback("v1")).thenReturn(new RuleSetService.Preview("v1", "v1", null,
                RuleSetService.Refusal.ONLY_VERSION));
        when(ruleSets.list()).thenReturn(List.of(version("v1", "active", true, null, null)));
        when(ruleSets.events()).thenReturn(List.of());
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void anEditorReachingTheConfirmationByItsAddressGetsThe403Page() throws Exception {
        for (String path : List.of("/console/rule-sets/v2/activation", "/console/rule-sets/v1/rollback")) {
            mvc.perform(get(path)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
            mvc.perform(post(path).with(csrf())).andExpect(status().isForbidden());
        }
        verify(ruleSets, never()).activate(any(), any());
        verify(ruleSets, never()).rollback(any(), any());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void theActivationPageSaysWhatWillChangeAndWhoDoesIt() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v2/activation").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<h1>Activate v2</h1>", "every date", "From now on v2 decides every situation, "
                + "whatever its date.");
        assertThat(section(page, "id=\"change-today\"")).contains("v1", "→", "v2");
        assertThat(page).contains("Done by", "<strong>root</strong>");
        assertThat(page).as("the comment is text").contains("Ⅱ from 25 &lt;b&gt;cases&lt;/b&gt;");
        assertThat(page).contains("What changes from v1 to v2", "4 changed",
                "grade Ⅱ now when cases ≥ 25 (was ≥ 30, Cholera!A7)",
                "href=\"/console/rule-sets/v2/cells/Cholera!R7\"");
        assertThat(page).contains("action=\"/console/rule-sets/v2/activation\"", "name=\"_csrf\"",
                ">Activate v2</button>");

        String zh = body(mvc.perform(get("/console/rule-sets/v2/activation").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn());
        assertThat(zh).contains("<h1>启用 v2</h1>", "自现在起，每个情形无论日期如何都由 v2 研判。", "从 v1 到 v2 的变化");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void aVersionWithALaterEffectiveDateIsScheduledAndTodaysVersionStays() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v3/activation").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("from 2099-01-01", "v3 comes into force on 2099-01-01; until then v1 stays in "
                + "force.");
        assertThat(section(page, "id=\"change-today\"")).contains("stays v1");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void confirmingActivatesAsTheSignedInAdminAndShowsTheResultAtOnce() throws Exception {
        when(ruleSets.activate("v2", "root")).thenReturn(version("v2", "active", true, null, null));
        mvc.perform(post("/console/rule-sets/v2/activation").with(csrf()))
                .andExpect(redirectedUrl("/console/rule-sets/v2"))
                .andExpect(flash().attribute("flashNotice", "change.done.activation"));
        verify(ruleSets).activate("v2", "root");
        MvcResult after = mvc.perform(get("/console/rule-sets").header("Accept-Language", "en")
                .flashAttr("flashNotice", "change.done.activation").flashAttr("flashArgs", new Object[] {"v2", "root"}))
                .andExpect(status().isOk()).andReturn();
        assertThat(body(after)).contains("v2 was activated by root.");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void anActivationRacedByAnotherAdminIsA409PageThatChangedNothing() throws Exception {
        when(ruleSets.activate("v2", "root")).thenThrow(new ConcurrentChangeException());
        String page = body(mvc.perform(post("/console/rule-sets/v2/activation").with(csrf())
                .header("Accept-Language", "en")).andExpect(status().isConflict()).andReturn());
        assertThat(page).contains("Nothing was changed: another administrator activated or rolled back a version at "
                + "the same time.", "<h1>Activate v2</h1>");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void aRollbackTheServiceWouldRefuseSaysWhyAndOffersNoButton() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v1/rollback").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<h1>Roll back v1</h1>", "v1 is the only version ever activated: nothing would "
                + "take over.").doesNotContain("id=\"confirm\"");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void aConfirmationWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/console/rule-sets/v2/activation")).andExpect(status().isForbidden());
        verify(ruleSets, never()).activate(any(), any());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void anUnknownVersionIsThe404Page() throws Exception {
        when(ruleSets.find("v9")).thenThrow(new org.beacon.service.ruleset.RuleSetNotFoundException("v9"));
        mvc.perform(get("/console/rule-sets/v9/activation")).andExpect(status().isNotFound());
    }

    private static String section(String page, String attribute) {
        int at = page.indexOf(attribute);
        assertThat(at).as(attribute).isPositive();
        return page.substring(at, page.indexOf("</dd>", at));
    }

    private static String body(MvcResult r) throws Exception {
        r.getResponse().setCharacterEncoding("UTF-8");
        return r.getResponse().getContentAsString();
    }
}
