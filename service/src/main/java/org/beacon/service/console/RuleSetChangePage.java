package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.beacon.rules.diff.Change;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.service.ruleset.CompilesBusyException;
import org.beacon.service.ruleset.ConcurrentChangeException;
import org.beacon.service.ruleset.RuleSetConflictException;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.security.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The admin's confirmation pages for putting a version in force and rolling one back: what will change (which
 * version is in force today before and after, the effective date, the differences between the two versions) and who
 * is doing it. Confirming calls the same lifecycle service as {@code POST /rule-sets/{id}/activation} and
 * {@code …/rollback}; a change refused or raced by another admin's shows the page again with the reason (409), and
 * nothing is changed.
 */
@Controller
class RuleSetChangePage {

    private static final Logger log = LoggerFactory.getLogger(RuleSetChangePage.class);

    /** Where a change made ends, showing its event at once. TODO issue 20: the version's own page once it exists. */
    /** Where a done change lands: back on the version's page, which shows its new state and the event at once. */
    static String afterChange(String id) {
        return "/console/rule-sets/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
    /** Changes listed on the page; the rest are counted (the version's page lists them all). */
    static final int LISTED_CHANGES = 100;

    /** @param kind {@code activation} or {@code rollback}: the page's path and its texts' keys */
    record Confirmation(String kind, RuleSetView version, RuleSetOverview.State state, RuleSetService.Preview preview,
            Diff diff, boolean scheduled) {

        /** True when the version in force today changes. */
        public boolean changesToday() {
            return preview.inForceAfter() != null && !preview.inForceAfter().equals(preview.inForceBefore());
        }
    }

    /**
     * What differs from one version to another: counts and the first {@link #LISTED_CHANGES} changes.
     *
     * @param unavailable true when it could not be worked out now (every compile slot taken)
     */
    record Diff(String from, String to, int added, int removed, int changed, List<Change> listed, int unlisted,
            boolean unavailable) {
    }

    private final RuleSetService rules;
    private final ZoneId zone = ZoneId.systemDefault();

    RuleSetChangePage(RuleSetService rules) {
        this.rules = rules;
    }

    @GetMapping("/console/rule-sets/{id}/activation")
    String confirmActivation(@PathVariable String id, Model model) {
        return page(model, confirmation("activation", id));
    }

    @GetMapping("/console/rule-sets/{id}/rollback")
    String confirmRollback(@PathVariable String id, Model model) {
        return page(model, confirmation("rollback", id));
    }

    @PostMapping("/console/rule-sets/{id}/activation")
    String activate(@PathVariable String id, HttpServletRequest http, HttpServletResponse response, Model model,
            RedirectAttributes flash) {
        return change("activation", id, http, response, model, flash);
    }

    @PostMapping("/console/rule-sets/{id}/rollback")
    String rollback(@PathVariable String id, HttpServletRequest http, HttpServletResponse response, Model model,
            RedirectAttributes flash) {
        return change("rollback", id, http, response, model, flash);
    }

    private String change(String kind, String id, HttpServletRequest http, HttpServletResponse response, Model model,
            RedirectAttributes flash) {
        String actor = Callers.of(http);
        String refusal;
        try {
            RuleSetView done = kind.equals("activation") ? rules.activate(id, actor) : rules.rollback(id, actor);
            flash.addFlashAttribute("flashNotice", "change.done." + kind);
            flash.addFlashAttribute("flashArgs", new Object[] {done.id(), actor});
            return "redirect:" + afterChange(id);
        } catch (ConcurrentChangeException e) {
            refusal = "change.raced";
        } catch (RuleSetConflictException e) {
            log.info("{} of {} by {} refused: {}", kind, id, actor, e.getMessage());
            refusal = "change.refused";
        } catch (CompilesBusyException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("failure", "change.busy");
            return page(model, confirmation(kind, id));
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("failure", refusal);
        return page(model, confirmation(kind, id));
    }

    private String page(Model model, Confirmation confirmation) {
        model.addAttribute("c", confirmation);
        return "console/rule-set-change";
    }

    private Confirmation confirmation(String kind, String id) {
        RuleSetView v = rules.find(id);
        LocalDate today = LocalDate.now(zone);
        RuleSetService.Preview preview = kind.equals("activation") ? rules.previewActivation(id)
                : rules.previewRollback(id);
        // what the change puts in place of what: the version against the one in force today, or the version rolled
        // back against the one that takes over from it
        String from = kind.equals("activation") ? preview.inForceBefore() : id;
        String to = kind.equals("activation") ? id : preview.inForceAfter();
        return new Confirmation(kind, v, RuleSetOverview.state(v, today), preview, diff(from, to),
                v.effectiveFrom() != null && v.effectiveFrom().isAfter(today));
    }

    private Diff diff(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            return null;
        }
        try {
            List<Change> changes = RuleSetDiff.between(rules.compiled(from).model(), rules.compiled(to).model());
            return new Diff(from, to, count(changes, "added"), count(changes, "removed"), count(changes, "changed"),
                    changes.subList(0, Math.min(LISTED_CHANGES, changes.size())),
                    Math.max(0, changes.size() - LISTED_CHANGES), false);
        } catch (CompilesBusyException e) {
            return new Diff(from, to, 0, 0, 0, List.of(), 0, true);
        }
    }

    private static int count(List<Change> changes, String kind) {
        return (int) changes.stream().filter(c -> c.kind().equals(kind)).count();
    }
}
