package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.service.console.PageText.between;
import static org.beacon.service.console.PageText.body;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.beacon.service.ruleset.CholeraThresholds;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A version's page, its grids and cell addresses, and the version list, with the real security configuration and the
 * real workbook reading, the rule-set service mocked at the slice's boundary ({@link RuleSetPagesSlice}). Upload and
 * check: {@link ConsoleCheckPageTest}.
 */
class ConsoleRuleSetPagesTest extends RuleSetPagesSlice {

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
        mvc.perform(multipart("/console/rule-sets/check").file(gradingUpload(CholeraThresholds.from25())).with(csrf()))
                .andExpect(status().isForbidden());
        verify(ruleSets, never()).check(any(), any(), any());
    }
}
