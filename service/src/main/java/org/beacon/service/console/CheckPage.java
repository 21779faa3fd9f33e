package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.service.ruleset.CompilesBusyException;
import org.beacon.service.ruleset.RuleSetCheck;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.UploadForm;
import org.beacon.service.security.Callers;
import org.beacon.service.web.AnswerLanguage;
import org.beacon.service.web.InvalidRequestException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload and check (editor and up): choose or drop workbooks, check them exactly as an upload would (nothing is
 * stored), see every diagnostic on its cell in the grid, the test rows, the summary and the diff against the base;
 * then store a clean check as a draft. The checked workbooks wait in the session ({@link CheckedUpload}) between the
 * two steps. After each POST the browser is sent to a GET (post/redirect/get), so reloading a result repeats nothing.
 */
@Controller
class CheckPage {

    static final String PATH = "/console/rule-sets/check";

    private final RuleSetService ruleSets;
    private final RuleSetOverview overview;
    private final WorkbookSheets sheets;

    CheckPage(RuleSetService ruleSets, RuleSetOverview overview, WorkbookSheets sheets) {
        this.ruleSets = ruleSets;
        this.overview = overview;
        this.sheets = sheets;
    }

    /**
     * The form and, after a check, what it found.
     *
     * @param base the version the form proposes to change; the version in force today when absent
     * @param gone set when a "store" named a check this session no longer holds
     * @param tooLarge set when the form's files were over the upload limit and it was not read
     */
    @GetMapping(PATH)
    String page(@RequestParam(required = false) String base, @RequestParam(required = false) String workbook,
            @RequestParam(required = false) String sheet, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String cell, @RequestParam(required = false) String gone,
            @RequestParam(required = false) String busy, @RequestParam(required = false) String tooLarge,
            HttpSession session, Model model) {
        CheckedUpload checked = checked(session);
        form(model, base != null ? base : checked == null ? null : checked.result().base(),
                checked == null ? null : checked.comment(), checked == null ? null : checked.effectiveFrom());
        model.addAttribute("gone", gone != null);
        model.addAttribute("busy", busy != null);
        model.addAttribute("tooLarge", tooLarge != null);
        if (checked != null) {
            results(checked, workbook, sheet, page, cell, model);
        }
        return "console/check";
    }

    /** The grid alone, for htmx: a tab, a page, or a diagnostic or test row clicked. */
    @GetMapping(PATH + "/grid")
    String grid(@RequestParam(required = false) String workbook, @RequestParam(required = false) String sheet,
            @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String cell,
            HttpSession session, HttpServletResponse response, Model model) {
        CheckedUpload checked = checked(session);
        if (checked == null) {
            // the check ended (a newer one, or stored): the whole page says so
            response.setHeader("HX-Redirect", PATH);
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        results(checked, workbook, sheet, page, cell, model);
        return "console/grid :: grid";
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String check(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String effectiveFrom,
            @RequestParam(required = false) String base, HttpSession session, HttpServletResponse response,
            Model model) {
        session.removeAttribute(CheckedUpload.SESSION_ATTRIBUTE);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        List<String> errors = new ArrayList<>();
        LocalDate from = null;
        if (effectiveFrom != null && !effectiveFrom.isBlank()) {
            try {
                from = LocalDate.parse(effectiveFrom.strip());
            } catch (DateTimeParseException e) {
                errors.add("check.error.date");
            }
        }
        Map<String, String> refusals = new LinkedHashMap<>();
        UploadForm form = null;
        try {
            form = UploadForm.of(files, note, base == null || base.isBlank() ? null : base, List.of(), null);
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> refusals.put(f.pointer(), f.detail()));
        }
        if (errors.isEmpty() && refusals.isEmpty()) {
            try {
                // kept in English: the page shows each detail in the language chosen when it is drawn
                RuleSetCheck result = ruleSets.check(form.base(), form.changes(), from);
                session.setAttribute(CheckedUpload.SESSION_ATTRIBUTE, new CheckedUpload(UUID.randomUUID().toString(),
                        form.changes().uploaded(), note, from, Instant.now(), result));
                return "redirect:" + PATH;
            } catch (RuleSetNotFoundException e) {
                errors.add("check.error.base");
            } catch (CompilesBusyException e) {
                errors.add("check.error.busy");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        form(model, base, comment, null);
        model.addAttribute("effectiveFromText", effectiveFrom);
        model.addAttribute("errors", errors);
        model.addAttribute("refusals", refusals);
        return "console/check";
    }

    /**
     * Stores the checked workbooks as a draft: the base as checked, changed by the uploaded workbooks, with the
     * form's comment and effective date, through the same upload as the API's. Then the new version's page.
     */
    @PostMapping(PATH + "/store")
    String store(@RequestParam(required = false) String check, HttpSession session, HttpServletRequest request) {
        CheckedUpload checked = checked(session);
        if (checked == null || !checked.id().equals(check)) {
            return "redirect:" + PATH + "?gone";
        }
        if (!checked.result().valid()) {
            return "redirect:" + PATH;
        }
        RuleSetService.Upload upload;
        try {
            upload = ruleSets.upload(checked.result().base(), checked.changes(), Callers.of(request),
                    checked.comment(), checked.effectiveFrom());
        } catch (CompilesBusyException e) {
            return "redirect:" + PATH + "?busy";
        }
        session.removeAttribute(CheckedUpload.SESSION_ATTRIBUTE);
        return "redirect:/console/rule-sets/" + upload.version().id() + "?stored=" + (upload.created() ? "new"
                : "existing");
    }

    /** Forgets the last check, for a fresh form. */
    @PostMapping(PATH + "/discard")
    String discard(HttpSession session) {
        session.removeAttribute(CheckedUpload.SESSION_ATTRIBUTE);
        return "redirect:" + PATH;
    }

    private void form(Model model, String base, String comment, LocalDate effectiveFrom) {
        RuleSetOverview.Overview all = overview.overview();
        String inForce = all.inForce().map(RuleSetOverview.Version::id).orElse(null);
        model.addAttribute("versions", all.versions());
        model.addAttribute("inForce", inForce);
        model.addAttribute("base", base != null && all.versions().stream().anyMatch(v -> v.id().equals(base))
                ? base : inForce);
        model.addAttribute("comment", comment);
        model.addAttribute("effectiveFromText", effectiveFrom == null ? null : effectiveFrom.toString());
        model.addAttribute("maxComment", UploadForm.MAX_COMMENT);
    }

    private void results(CheckedUpload checked, String workbook, String sheet, int page, String cell, Model model) {
        RuleSetCheck result = checked.result();
        ReadWorkbooks books = books(checked);
        CheckView view = CheckView.of(result, books, (w, s, c) -> links().link(s, w, s, 1, c, false),
                AnswerLanguage.of(LocaleContextHolder.getLocale()));
        String w = workbook;
        String s = sheet;
        String focus = cell;
        DiffView diff = result.diff() == null ? null : DiffView.of(result.diff(), sheets.version(result.base()),
                books, RuleSetPage.rows(result.base()), (wb, sh, row) -> links().link(sh, wb, sh, 1, "R" + row,
                false).href());
        // unless a sheet is asked for: the first error's cell, else the first changed row, else the first upload
        CheckView.Finding first = view.first();
        DiffView.Pair changed = diff == null || diff.tables().isEmpty() ? null : diff.tables().get(0).pairs()
                .stream().filter(p -> p.after() != null).findFirst().orElse(null);
        if (w == null && first != null) {
            w = first.workbook();
            s = first.sheet();
            focus = first.cell();
        } else if (w == null && changed != null) {
            s = diff.tables().get(0).sheet();
            w = books.workbookOf(s).orElse(null);
            focus = "R" + changed.after().row();
        } else if (w == null) {
            w = checked.uploaded().isEmpty() ? null : checked.uploaded().get(0).name();
        }
        model.addAttribute("checked", checked);
        model.addAttribute("result", result);
        model.addAttribute("view", view);
        model.addAttribute("grid", GridView.of(books, w, s, page, focus, view::marks, links()));
        model.addAttribute("diff", diff);
    }

    /** The workbooks the version would have: the uploaded ones, and the base's others as stored. */
    private ReadWorkbooks books(CheckedUpload checked) {
        ReadWorkbooks base = sheets.version(checked.result().base());
        List<WorkbookContent> contents = new ArrayList<>();
        for (String name : checked.result().workbooks()) {
            WorkbookSource uploaded = checked.uploaded().stream().filter(u -> u.name().equals(name)).findFirst()
                    .orElse(null);
            if (uploaded != null) {
                contents.add(sheets.read(uploaded));
            } else {
                base.workbook(name).ifPresent(contents::add);
            }
        }
        return ReadWorkbooks.of(contents);
    }

    private static GridView.Links links() {
        return new GridView.Links(PATH, PATH + "/grid", "grid", null);
    }

    private static CheckedUpload checked(HttpSession session) {
        return session.getAttribute(CheckedUpload.SESSION_ATTRIBUTE) instanceof CheckedUpload c ? c : null;
    }
}
