package org.beacon.service.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.beacon.service.impact.ImpactService;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.beacon.service.ruleset.RuleSetService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A version's page (reviewer and up, like the API's versions): its state, who made it and when, whether it is in
 * force today and what comes next, its activations and rollbacks, the diff against the version in force side by
 * side, and its workbooks sheet by sheet as grids. Also a sheet alone, opened at a cell: the address every cell and
 * rule id in the console links to ({@code /console/rule-sets/v1/cells/Cholera!R10}).
 */
@Controller
class RuleSetPage {

    private final RuleSetService ruleSets;
    private final RuleSetOverview overview;
    private final WorkbookSheets sheets;
    private final Navigation navigation;
    private final ImpactService impact;

    /** The newest impact runs the version's page lists; the API lists them all. */
    static final int IMPACT_RUNS_SHOWN = 10;

    RuleSetPage(RuleSetService ruleSets, RuleSetOverview overview, WorkbookSheets sheets, Navigation navigation,
            ImpactService impact) {
        this.impact = impact;
        this.ruleSets = ruleSets;
        this.overview = overview;
        this.sheets = sheets;
        this.navigation = navigation;
    }

    /**
     * @param against the version to compare with; the version in force today when absent
     * @param stored set after "store as draft" made or found this version: {@code new} or {@code existing}
     */
    @GetMapping("/console/rule-sets/{id}")
    String version(@PathVariable String id, @RequestParam(required = false) String workbook,
            @RequestParam(required = false) String sheet, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String cell, @RequestParam(required = false) String against,
            @RequestParam(required = false) String stored, Model model) {
        RuleSetOverview.Overview all = overview.overview();
        RuleSetOverview.Version version = all.versions().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new RuleSetNotFoundException(id));
        String base = against != null && all.versions().stream().anyMatch(v -> v.id().equals(against)) ? against
                : all.inForce().map(RuleSetOverview.Version::id).orElse(null);
        ReadWorkbooks books = sheets.version(id);
        model.addAttribute("overview", all);
        model.addAttribute("version", version);
        model.addAttribute("events", all.events().stream().filter(e -> e.ruleSetId().equals(id)
                || id.equals(e.previousId())).toList());
        model.addAttribute("against", base);
        model.addAttribute("inForceId", all.inForce().map(RuleSetOverview.Version::id).orElse(null));
        model.addAttribute("stored", "new".equals(stored) || "existing".equals(stored) ? stored : null);
        DiffView diff = base == null || base.equals(id) ? null : DiffView.of(ruleSets.diff(base, id),
                sheets.version(base), books, rows(base), rows(id));
        model.addAttribute("diff", diff);
        // unless a sheet is asked for, the grid opens at the first table the diff shows
        String firstChanged = workbook == null && diff != null && !diff.tables().isEmpty()
                ? diff.tables().get(0).sheet() : null;
        model.addAttribute("grid", GridView.of(books, firstChanged == null ? workbook
                : books.workbookOf(firstChanged).orElse(null), firstChanged == null ? sheet : firstChanged, page, cell,
                (w, s) -> GridMarks.NONE, links(id, "/console/rule-sets/" + id)));
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("mayActivate", navigation.allows("/console/rule-sets/" + id + "/activation", user));
        model.addAttribute("mayRollBack", navigation.allows("/console/rule-sets/" + id + "/rollback", user));
        model.addAttribute("mayCheck", navigation.allows(ConsolePage.CHECK.path(), user));
        boolean mayImpact = navigation.allows("/console/rule-sets/" + id + "/impact", user);
        model.addAttribute("mayImpact", mayImpact);
        model.addAttribute("impactRuns", mayImpact ? impact.list(id, 0, IMPACT_RUNS_SHOWN).items() : null);
        return "console/rule-set";
    }

    /** The grid alone, for htmx to swap in when a tab or a page is chosen on the version's page. */
    @GetMapping("/console/rule-sets/{id}/grid")
    String grid(@PathVariable String id, @RequestParam(required = false) String workbook,
            @RequestParam(required = false) String sheet, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String cell, Model model) {
        ruleSets.find(id);
        model.addAttribute("grid", GridView.of(sheets.version(id), workbook, sheet, page, cell,
                (w, s) -> GridMarks.NONE, links(id, "/console/rule-sets/" + id)));
        return "console/grid :: grid";
    }

    /** A sheet of a version alone, at a page or a cell. */
    @GetMapping("/console/rule-sets/{id}/sheet")
    String sheet(@PathVariable String id, @RequestParam(required = false) String workbook,
            @RequestParam(required = false) String sheet, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String cell, Model model) {
        return sheetPage(id, workbook, sheet, page, cell, model);
    }

    /**
     * A sheet opened at a cell ({@code Cholera!C9}) or a rule's row ({@code Cholera!R10}), highlighted. A sheet name
     * many workbooks have (Tests, Dictionary) is the first workbook's unless {@code workbook} names another.
     */
    @GetMapping("/console/rule-sets/{id}/cells/{reference}")
    String cell(@PathVariable String id, @PathVariable String reference,
            @RequestParam(required = false) String workbook, HttpServletResponse response, Model model) {
        int bang = reference.lastIndexOf('!');
        String focus = bang < 0 ? null : reference.substring(bang + 1).toUpperCase(java.util.Locale.ROOT);
        if (bang <= 0 || !SheetGrid.isReference(focus)) {
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        String sheet = reference.substring(0, bang);
        ReadWorkbooks books = sheets.version(id);
        Optional<String> holder = workbook != null && books.sheetName(workbook, sheet).isPresent()
                ? Optional.of(workbook) : books.workbookOf(sheet);
        if (holder.isEmpty()) {
            ruleSets.find(id);
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        return sheetPage(id, holder.get(), sheet, 1, focus, model);
    }

    private String sheetPage(String id, String workbook, String sheet, int page, String cell, Model model) {
        RuleSetOverview.Version version = overview.overview().versions().stream().filter(v -> v.id().equals(id))
                .findFirst().orElseThrow(() -> new RuleSetNotFoundException(id));
        model.addAttribute("version", version);
        model.addAttribute("grid", GridView.of(sheets.version(id), workbook, sheet, page, cell,
                (w, s) -> GridMarks.NONE, links(id, "/console/rule-sets/" + id + "/sheet")));
        return "console/sheet";
    }

    /** A version's grid links: the whole page at {@code page}, the grid alone at …/grid. */
    private static GridView.Links links(String id, String page) {
        return new GridView.Links(page, "/console/rule-sets/" + id + "/grid", page.endsWith("/sheet") ? null : "grid",
                "/rule-sets/" + id + "/workbooks");
    }

    /** A row of a version's sheet, as the cell address every page links to. */
    static DiffView.RowLinks rows(String id) {
        return (workbook, sheet, row) -> "/console/rule-sets/" + id + "/cells/"
                + org.springframework.web.util.UriUtils.encodePathSegment(sheet + "!R" + row,
                        java.nio.charset.StandardCharsets.UTF_8)
                + "?workbook=" + GridView.Links.query(workbook);
    }
}
