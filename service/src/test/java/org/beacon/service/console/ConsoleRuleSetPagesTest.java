package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.Workbooks;
import org.beacon.rules.diff.Change;
import org.beacon.service.impact.ImpactService;
import org.beacon.service.impact.ImpactViews;
import org.beacon.service.ruleset.CholeraThresholds;
import org.beacon.service.ruleset.RuleSetCheck;
import org.beacon.service.ruleset.RuleSetEvent;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.ruleset.VersionDiff;
import org.beacon.service.ruleset.WorkbookChanges;
import org.beacon.service.security.Role;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A version's page, its grids and cell addresses, and upload-and-check, with the real security configuration and
 * the real workbook reading, the rule-set service mocked at the slice's boundary: v1 is the bundled tables (in force),
 * v2 a draft with the cholera threshold moved, v3 a draft with a generated 2,000-row sheet and merged cells.
 */
@WebMvcTest(controllers = {RuleSetPage.class, RuleSetsPage.class, CheckPage.class, ConsoleController.class})
@Import({Navigation.class, RuleSetOverview.class, WorkbookSheets.class, ConsolePagesTest.Security.class})
class ConsoleRuleSetPagesTest {

    private static final String HOSTILE = CholeraThresholds.HOSTILE;
    private static final Path TABLES = Workbooks.root().resolve("tables");
    private static final byte[] BIG = big();

    /** A browser sending the cookie of a session that is no longer there. */
    private static final RequestPostProcessor ENDED_SESSION = request -> {
        request.setRequestedSessionId("ENDED");
        request.setRequestedSessionIdValid(false);
        return request;
    };

    @Autowired
    MockMvc mvc;

    // the home page's picture from the audit trail and the running replays: not part of these slices
    @MockitoBean
    TodaysPicture picture;

    @MockitoBean
    org.beacon.service.replay.RunningReplays replays;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    // the version page lists its impact runs for editors and up; the runs themselves are ConsoleImpactPageTest's
    @MockitoBean
    ImpactService impact;

    private static List<WorkbookSource> bundled() {
        try (Stream<Path> files = Files.list(TABLES)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).sorted().map(WorkbookSource::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<WorkbookSource> withGrading(byte[] grading) {
        List<WorkbookSource> v = new ArrayList<>();
        bundled().forEach(w -> v.add(w.name().equals(CholeraThresholds.WORKBOOK) ? new WorkbookSource(w.name(),
                grading) : w));
        return v;
    }

    /** A Tests-like sheet of 2,000 rows, a notes sheet with merged cells and a hostile cell. */
    private static byte[] big() {
        WorkbookBuilder b = new WorkbookBuilder();
        WorkbookBuilder.Sheet s = b.sheet("Big").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade");
        for (int i = 3; i <= 2000; i++) {
            s.row("cholera", i, "Ⅲ");
        }
        b.sheet("说明").row("合并标题 Merged title").row("a", "b", "c").row(HOSTILE).merge("A1:C1");
        return b.bytes();
    }

    private static RuleSetView version(String id, String status, boolean today, String comment,
            List<String> workbooks) {
        return new RuleSetView(id, "hash-" + id, "editor", comment, Instant.parse("2026-11-0" + id.substring(1)
                + "T08:00:00Z"), null, status, today, workbooks, 0, 370, null, null, null);
    }

    private static final List<Change> CHANGES = List.of(
            new Change("changed", "row", "Cholera!R8", "cases ≥ 25 (was ≥ 30, Cholera!A8)"),
            new Change("changed", "row", "Cholera!R10", "cases 10～24 (was 10～29, Cholera!A10)"),
            new Change("changed", "test", "national-grading.xlsx Tests!R33", "given cases = 24 (was 29)"),
            new Change("changed", "parameter", "classBC_multiplier_III", "2 → 3"));

    private static final java.util.UUID IMPACT_RUN = java.util.UUID.fromString("5d1f0c3e-8a2b-4c6d-9e7f-1a2b3c4d5e6f");

    @BeforeEach
    void versions() {
        when(impact.list(anyString(), eq(0), anyInt())).thenReturn(new ImpactViews.Page(0, 10, 0, List.of()));
        when(impact.list(eq("v2"), eq(0), anyInt())).thenReturn(new ImpactViews.Page(0, 10, 1, List.of(
                new ImpactViews.Item(IMPACT_RUN, "done", "epi-" + HOSTILE, Instant.parse("2026-12-04T09:30:00Z"),
                        Instant.parse("2026-12-04T09:31:00Z"), "v1", tools.jackson.databind.json.JsonMapper.builder()
                        .build().readTree("{\"from\":\"2026-11-04\",\"to\":\"2026-12-04\"}"), null, null,
                        java.util.Map.of()))));
        StoredUsers.knows(users, "platform", Role.CALLER);
        StoredUsers.knows(users, "reviewer", Role.REVIEWER);
        StoredUsers.knows(users, "editor", Role.EDITOR);
        StoredUsers.knows(users, "admin", Role.ADMIN);
        List<String> names = bundled().stream().map(WorkbookSource::name).toList();
        when(ruleSets.list()).thenReturn(List.of(version("v1", "active", true, "bundled tables", names),
                version("v2", "draft", false, "cholera Ⅱ from 25", names),
                version("v3", "draft", false, HOSTILE, List.of("big.xlsx"))));
        when(ruleSets.events()).thenReturn(List.of(new RuleSetEvent(1, "v1", RuleSetEvent.ACTIVATION, null,
                "system", Instant.parse("2026-11-01T08:00:00Z"))));
        when(ruleSets.workbooks("v1")).thenReturn(bundled());
        when(ruleSets.workbooks("v2")).thenReturn(withGrading(CholeraThresholds.from25()));
        when(ruleSets.workbooks("v3")).thenReturn(List.of(new WorkbookSource("big.xlsx", BIG)));
        when(ruleSets.workbooks("v9")).thenThrow(new RuleSetNotFoundException("v9"));
        when(ruleSets.diff("v1", "v2")).thenReturn(new VersionDiff("v1", "v2", 0, 0, 4, CHANGES));
        when(ruleSets.diff("v1", "v3")).thenReturn(new VersionDiff("v1", "v3", 0, 0, 0, List.of()));
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aVersionsPageShowsItsStateWhetherItIsInForceAndTheDiffSideBySide() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v2").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());

        assertThat(page).contains("Version v2", "Draft", "cholera Ⅱ from 25");
        assertThat(between(page, "id=\"in-force-today\"", "</dd>")).contains("No.", "href=\"/console/rule-sets/v1\"");
        assertThat(page).contains("What changes from v1 to v2", "v1 is the version in force today.");
        String table = between(page, "Table Cholera", "</table>");
        assertThat(table).contains("Before: v1", "After: v2", "<td class=\"changed\">≥30</td>",
                "<td class=\"changed\">≥25</td>", "<td class=\"changed\">10～29</td>", "cases ≥ 25 (was ≥ 30");
        assertThat(table).as("only the columns that changed, side by side").contains(
                "9 columns without a change are not shown", "<td>IF cases</td>").doesNotContain("THEN grade");
        assertThat(table).contains("href=\"/console/rule-sets/v1/cells/Cholera!R8?workbook=national-grading.xlsx\"");
        assertThat(page).contains("Test row", "href=\"/console/rule-sets/v2/cells/Tests!R33?workbook=national-grading.xlsx\"",
                "Parameter", "classBC_multiplier_III");
        assertThat(page).as("a reviewer is told why not").contains("id=\"why-not\"",
                "Only an administrator may activate or roll back a version; your role is Reviewer.")
                .doesNotContain("/activation\"", "/rollback\"", "Upload changes to this version");
        assertThat(page).as("an impact run is the editors'").doesNotContain("id=\"impact-start\"", "Impact runs");
        verify(impact, never()).list(anyString(), anyInt(), anyInt());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anAdministratorIsOfferedToActivateADraftAndToRollBackTheVersionInForce() throws Exception {
        String draft = body(mvc.perform(get("/console/rule-sets/v2")).andExpect(status().isOk()).andReturn());
        assertThat(draft).contains("href=\"/console/rule-sets/v2/activation\"", "Activate…")
                .doesNotContain("/console/rule-sets/v2/rollback", "id=\"why-not\"");
        String inForce = body(mvc.perform(get("/console/rule-sets/v1")).andExpect(status().isOk()).andReturn());
        assertThat(inForce).contains("href=\"/console/rule-sets/v1/rollback\"", "Yes: today&#39;s situations")
                .doesNotContain("/console/rule-sets/v1/activation", "What changes from");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void anEditorIsToldWhyNotAndMayUploadChangesToTheVersion() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v2").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("只有管理员可以启用或回滚版本；您的角色是编辑人。",
                "href=\"/console/rule-sets/check?base=v2\"").doesNotContain("/activation\"");
        assertThat(between(page, "id=\"impact-start\"", "</form>")).contains("action=\"/console/rule-sets/v2/impact\"",
                "name=\"_csrf\"", "与现行版本对比影响…");
        assertThat(page).contains("影响分析", "href=\"/console/rule-sets/v2/impact/" + IMPACT_RUN + "\"",
                "2026-12-04 09:30:00 UTC", "epi-&lt;", "2026-11-04 – 2026-12-04", "已完成").doesNotContain("epi-<s");
        String list = body(mvc.perform(get("/console/rule-sets")).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("id=\"upload-and-check\"", "href=\"/console/rule-sets/v2\"");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void theVersionListLinksEachVersionAndOffersAReviewerNoUpload() throws Exception {
        String list = body(mvc.perform(get("/console/rule-sets")).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("href=\"/console/rule-sets/v1\"", "href=\"/console/rule-sets/v3\"")
                .doesNotContain("upload-and-check", "href=\"/console/rule-sets/check\"");
        mvc.perform(get("/console/rule-sets/check")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aTwoThousandRowSheetIsShownTwoHundredRowsAPageWithItsHeaderRepeated() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v3").queryParam("workbook", "big.xlsx")
                .queryParam("sheet", "Big").queryParam("page", "3")).andExpect(status().isOk()).andReturn());
        String grid = between(page, "id=\"grid\"", "</section>");
        assertThat(grid).contains("rows 401–600 of 2,000", "id=\"Big!R401\"", "id=\"Big!R600\"",
                "class=\"header-row repeated\"", "GIVEN cases")
                .doesNotContain("id=\"Big!R400\"", "id=\"Big!R601\"");
        assertThat(grid).contains("href=\"/console/rule-sets/v3?workbook=big.xlsx&amp;sheet=Big&amp;page=10#grid\"",
                "hx-get=\"/console/rule-sets/v3/grid?workbook=big.xlsx&amp;sheet=Big&amp;page=4\"",
                "hx-push-url=\"/console/rule-sets/v3?workbook=big.xlsx&amp;sheet=Big&amp;page=4\"");

        String fragment = body(mvc.perform(get("/console/rule-sets/v3/grid").queryParam("workbook", "big.xlsx")
                .queryParam("sheet", "Big").queryParam("page", "10")).andExpect(status().isOk()).andReturn());
        assertThat(fragment).startsWith("<section id=\"grid\"").doesNotContain("<html", "<main")
                .contains("rows 1,801–2,000 of 2,000");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void mergedCellsSpanAndAWorkbooksTextIsShownAsText() throws Exception {
        String page = body(mvc.perform(get("/console/rule-sets/v3").queryParam("workbook", "big.xlsx")
                .queryParam("sheet", "说明")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("colspan=\"3\"", "合并标题 Merged title", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(HOSTILE);
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aCellAddressOpensItsSheetAtThatCellHighlighted() throws Exception {
        String cell = body(mvc.perform(get("/console/rule-sets/v1/cells/Cholera!A8")).andExpect(status().isOk())
                .andReturn());
        assertThat(cell).contains("Cholera!A8 of national-grading.xlsx is highlighted.")
                .containsPattern("id=\"cell-Cholera!A8\"[^>]*class=\"[^\"]*is-focus")
                .contains("aria-current=\"location\"");

        String row = body(mvc.perform(get("/console/rule-sets/v1/cells/Cholera!R10")).andExpect(status().isOk())
                .andReturn());
        assertThat(row).containsPattern("id=\"Cholera!R10\"\\s+class=\"line-row is-focus\"");

        String tests = body(mvc.perform(get("/console/rule-sets/v1/cells/Tests!R5").queryParam("workbook",
                "reporting.xlsx")).andExpect(status().isOk()).andReturn());
        assertThat(tests).contains("Tests!R5 of reporting.xlsx is highlighted.");

        for (String missing : List.of("/console/rule-sets/v1/cells/NoSuchSheet!A1", "/console/rule-sets/v1/cells/Cholera",
                "/console/rule-sets/v1/cells/Cholera!8A", "/console/rule-sets/v9/cells/Cholera!A8")) {
            assertThat(body(mvc.perform(get(missing)).andExpect(status().isNotFound()).andReturn())).as(missing)
                    .contains("There is no such page");
        }
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerMayOpenNeitherAVersionNorTheCheck() throws Exception {
        mvc.perform(get("/console/rule-sets/v1")).andExpect(status().isForbidden());
        mvc.perform(get("/console/rule-sets/v1/cells/Cholera!A8")).andExpect(status().isForbidden());
        mvc.perform(get("/console/rule-sets/check")).andExpect(status().isForbidden());
        mvc.perform(multipart("/console/rule-sets/check").file(file(CholeraThresholds.from25())).with(csrf()))
                .andExpect(status().isForbidden());
        verify(ruleSets, never()).check(any(), any(), any());
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aCheckWithABrokenThresholdListsTheDiagnosticOpensTheGridAtItsCellAndStoresNothing() throws Exception {
        when(ruleSets.check(eq(null), any(), any())).thenReturn(brokenResult());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/console/rule-sets/check").file(file(CholeraThresholds.broken()))
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
        mvc.perform(multipart("/console/rule-sets/check").file(file(from25)).param("comment", "cholera Ⅱ from 25")
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
        mvc.perform(multipart("/console/rule-sets/check").file(file(CholeraThresholds.from25TestsNotMoved()))
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
        String date = body(mvc.perform(multipart("/console/rule-sets/check").file(file(CholeraThresholds.from25()))
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
        mvc.perform(multipart("/console/rule-sets/check").file(file(CholeraThresholds.from25())).with(ENDED_SESSION))
                .andExpect(redirectedUrl("/console/sign-in?expired"));
        mvc.perform(post("/console/rule-sets/check/store").param("check", "any").with(ENDED_SESSION))
                .andExpect(redirectedUrl("/console/sign-in?expired"));
        verify(ruleSets, never()).check(any(), any(), any());
        verify(ruleSets, never()).upload(any(), any(), any(), any(), any());
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("files", CholeraThresholds.WORKBOOK,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
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

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = page.indexOf(to, start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static String body(MvcResult r) throws Exception {
        r.getResponse().setCharacterEncoding("UTF-8");
        return r.getResponse().getContentAsString();
    }
}
