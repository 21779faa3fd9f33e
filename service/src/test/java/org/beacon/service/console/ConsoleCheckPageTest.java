package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.service.console.PageText.between;
import static org.beacon.service.console.PageText.body;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.Workbooks;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.ruleset.CholeraThresholds;
import org.beacon.service.ruleset.RuleSetCheck;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.ruleset.VersionDiff;
import org.beacon.service.ruleset.WorkbookChanges;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Upload and check ({@code /console/rule-sets/check}) and storing a checked upload as a draft, with the real security
 * configuration and the real workbook reading, the rule-set service mocked at the slice's boundary
 * ({@link RuleSetPagesSlice}): a broken threshold, a failed test row, a clean check stored, bad input, an ended session.
 */
class ConsoleCheckPageTest extends RuleSetPagesSlice {

    /** A browser sending the cookie of a session that is no longer there. */
    private static final RequestPostProcessor ENDED_SESSION = request -> {
        request.setRequestedSessionId("ENDED");
        request.setRequestedSessionIdValid(false);
        return request;
    };

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aCheckWithABrokenThresholdListsTheDiagnosticOpensTheGridAtItsCellAndStoresNothing() throws Exception {
        when(ruleSets.check(eq(null), any(), any())).thenReturn(brokenResult());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/console/rule-sets/check").file(gradingUpload(CholeraThresholds.broken()))
                .param("comment", "cholera Ⅱ from 3O").param("effectiveFrom", "").param("base", "").session(session)
                .with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/console/rule-sets/check"));

        String page = body(mvc.perform(get("/console/rule-sets/check").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("1 error: an upload would be refused.", "INVALID_VALUE",
                "&#39;≥ 3O&#39; is not a number", "The test sheets did not run")
                .doesNotContain("id=\"store\"");
        assertThat(between(page, "class=\"data diagnostics\"", "</table>")).contains(
                "href=\"/console/rule-sets/check?workbook=national-grading.xlsx&amp;sheet=Cholera&amp;cell=A8#grid\"",
                "hx-get=\"/console/rule-sets/check/grid?workbook=national-grading.xlsx&amp;sheet=Cholera&amp;cell=A8\"");
        assertThat(between(page, "id=\"grid\"", "</section>"))
                .containsPattern("id=\"cell-Cholera!A8\"[^>]*class=\"[^\"]*is-focus[^\"]*mark-error")
                .containsPattern("id=\"cell-Cholera!A8\"[^>]*><span\\s+class=\"mark-word\">Error</span>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        verify(ruleSets, never()).upload(any(), any(), any(), any(), any());

        String zh = body(mvc.perform(get("/console/rule-sets/check").session(session).header("Accept-Language", "zh"))
                .andExpect(status().isOk()).andReturn());
        assertThat(zh).contains("1 个错误：上传会被拒绝。", ">错误</span>");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aCleanCheckIsStoredAsADraftOfItsBaseWithTheBytesThatWereChecked() throws Exception {
        byte[] from25 = CholeraThresholds.from25();
        when(ruleSets.check(eq(null), any(), eq(LocalDate.of(2099, 1, 1)))).thenReturn(validResult());
        when(ruleSets.upload(anyString(), any(), anyString(), any(), any())).thenReturn(new RuleSetService.Upload(
                version("v2", "draft", false, "cholera Ⅱ from 25", List.of()), true));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/console/rule-sets/check").file(gradingUpload(from25)).param("comment", "cholera Ⅱ from 25")
                .param("effectiveFrom", "2099-01-01").session(session).with(csrf()))
                .andExpect(redirectedUrl("/console/rule-sets/check"));
        String page = body(mvc.perform(get("/console/rule-sets/check").session(session)).andReturn());
        assertThat(page).contains("No errors: an upload would store these workbooks.", "id=\"store\"",
                "370 test rows passed, 0 failed.", "What it would change against v1", "Table Cholera");
        String check = page.replaceAll("(?s).*name=\"check\" value=\"([^\"]+)\".*", "$1");

        mvc.perform(post("/console/rule-sets/check/store").param("check", "not-" + check).session(session)
                .with(csrf())).andExpect(redirectedUrl("/console/rule-sets/check?gone"));
        verify(ruleSets, never()).upload(any(), any(), any(), any(), any());

        mvc.perform(post("/console/rule-sets/check/store").param("check", check).session(session).with(csrf()))
                .andExpect(redirectedUrl("/console/rule-sets/v2?stored=new"));
        ArgumentCaptor<WorkbookChanges> changes = ArgumentCaptor.forClass(WorkbookChanges.class);
        verify(ruleSets).upload(eq("v1"), changes.capture(), eq("editor"), eq("cholera Ⅱ from 25"),
                eq(LocalDate.of(2099, 1, 1)));
        assertThat(changes.getValue().uploaded()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo(CholeraThresholds.WORKBOOK);
            assertThat(w.bytes()).isEqualTo(from25);
        });
        assertThat(changes.getValue().replaceAll()).isFalse();
        assertThat(session.getAttribute(CheckedUpload.SESSION_ATTRIBUTE)).as("stored: forgotten").isNull();
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aFailedTestRowShowsWhatItGivesExpectsAndGotLinkedToItsRow() throws Exception {
        when(ruleSets.check(eq(null), any(), any())).thenReturn(failedTestResult());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/console/rule-sets/check").file(gradingUpload(CholeraThresholds.from25TestsNotMoved()))
                .session(session).with(csrf())).andExpect(redirectedUrl("/console/rule-sets/check"));
        String page = body(mvc.perform(get("/console/rule-sets/check").session(session)).andReturn());

        String failed = between(page, "<tr class=\"test-failed\">", "</tr>");
        assertThat(failed).contains("Tests!R33", "Failed", "eventType = cholera, cases = 29, countiesAffected = 1",
                "href=\"/console/rule-sets/check?workbook=national-grading.xlsx&amp;sheet=Tests&amp;cell=R33#grid\"");
        assertThat(failed.replaceAll("\\s+", " ")).contains("<span class=\"output\">grade</span> <span>Ⅲ</span>",
                "<span class=\"output\">grade</span> <span>Ⅱ</span>", "differs",
                "<span class=\"output\">colour</span> <span>orange</span>", "Rows that answered: Cholera!R8");
        assertThat(page).contains("1 passed in national-grading.xlsx");
        assertThat(between(page, "id=\"grid\"", "</section>")).as("the grid opens at the failing cell")
                .containsPattern("id=\"cell-Tests!N33\"[^>]*class=\"[^\"]*is-focus[^\"]*mark-error")
                .containsPattern("id=\"Tests!R33\"\\s+class=\"line-row mark-failed\"");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void badInputIsNamedOnThePageAndNothingIsChecked() throws Exception {
        String none = body(mvc.perform(multipart("/console/rule-sets/check").param("comment", "nothing chosen")
                .with(csrf())).andExpect(status().isBadRequest()).andReturn());
        assertThat(none).contains("The workbooks were not checked:", "Workbooks", "upload at least one .xlsx workbook",
                "nothing chosen");
        String date = body(mvc.perform(multipart("/console/rule-sets/check").file(gradingUpload(CholeraThresholds.from25()))
                .param("effectiveFrom", "2099-13-45").with(csrf())).andExpect(status().isBadRequest()).andReturn());
        assertThat(date).contains("The effective date is not a date");
        String xls = body(mvc.perform(multipart("/console/rule-sets/check").file(new MockMultipartFile("files",
                HOSTILE + ".xls", "application/octet-stream", new byte[] {1})).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(xls).contains("only .xlsx workbooks are accepted").doesNotContain(HOSTILE);
        verify(ruleSets, never()).check(any(), any(), any());
    }

    @Test
    void aSessionThatEndedBeforeTheUploadOrTheStoreEndsOnTheSignInPageAndStoresNothing() throws Exception {
        mvc.perform(multipart("/console/rule-sets/check").file(gradingUpload(CholeraThresholds.from25())).with(ENDED_SESSION))
                .andExpect(redirectedUrl("/console/sign-in?expired"));
        mvc.perform(post("/console/rule-sets/check/store").param("check", "any").with(ENDED_SESSION))
                .andExpect(redirectedUrl("/console/sign-in?expired"));
        verify(ruleSets, never()).check(any(), any(), any());
        verify(ruleSets, never()).upload(any(), any(), any(), any(), any());
    }

    /** Threshold moved, test cases not: a test row fails, as the compiler words it. */
    private static RuleSetCheck failedTestResult() {
        List<String> names = bundled().stream().map(WorkbookSource::name).toList();
        String detail = "test failed: Tests!N33: expected grade Ⅲ, got Ⅱ; Tests!O33: expected colour yellow, got "
                + "orange (rows that answered: Cholera!R8)";
        return new RuleSetCheck(false, "v1", null, "1 error(s)", names, List.of(CholeraThresholds.WORKBOOK),
                List.of(), List.of(), List.of(new RuleSetView.DiagnosticView("error", CholeraThresholds.WORKBOOK,
                        "Tests!N33", "TEST_FAILED", detail)), List.of(new RuleSetCheck.TestRow(
                        CholeraThresholds.WORKBOOK, "Tests!R32", true, ""), new RuleSetCheck.TestRow(
                        CholeraThresholds.WORKBOOK, "Tests!R33", false, detail)),
                new RuleSetCheck.Summary(6, 24, 214, 7082, 2, 1, 1, 1, 0, 0), null);
    }

    private static RuleSetCheck brokenResult() {
        List<String> names = bundled().stream().map(WorkbookSource::name).toList();
        return new RuleSetCheck(false, "v1", null, "1 error(s)", names, List.of(CholeraThresholds.WORKBOOK), List.of(),
                List.of(), List.of(new RuleSetView.DiagnosticView("error", CholeraThresholds.WORKBOOK,
                        CholeraThresholds.THRESHOLD_CELL, "INVALID_VALUE", "'≥ 3O' is not a number"),
                        new RuleSetView.DiagnosticView("info", CholeraThresholds.WORKBOOK, "说明", "SHEET_IGNORED",
                                "ignored")), List.of(),
                new RuleSetCheck.Summary(6, 24, 214, 7082, 0, 0, 0, 1, 0, 1), null);
    }

    private static RuleSetCheck validResult() {
        List<String> names = bundled().stream().map(WorkbookSource::name).toList();
        List<RuleSetCheck.TestRow> tests = new ArrayList<>();
        for (int i = 0; i < 370; i++) {
            tests.add(new RuleSetCheck.TestRow(CholeraThresholds.WORKBOOK, "Tests!R" + (i + 3), true, ""));
        }
        return new RuleSetCheck(true, "v1", null, "an upload would store v1 with national-grading.xlsx replaced",
                names, List.of(CholeraThresholds.WORKBOOK), List.of(), List.of(), List.of(), tests,
                new RuleSetCheck.Summary(6, 24, 214, 7082, 370, 370, 0, 0, 0, 0),
                new VersionDiff("v1", RuleSetCheck.CHECKED, 0, 0, 4, CHANGES));
    }
}
