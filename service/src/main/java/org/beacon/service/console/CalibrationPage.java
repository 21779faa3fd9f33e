package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.calibration.Objective;
import org.beacon.service.calibration.CalibrationService;
import org.beacon.service.calibration.CalibrationViews;
import org.beacon.service.replay.ReplayService;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.runs.StoredRuns;
import org.beacon.service.security.Callers;
import org.beacon.service.security.CurrentUser;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.ProblemException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The calibration pages (issue 24 item 3), reviewers and up as the API: the runs newest first; the form that starts
 * one (a version, parameters chosen from its Parameters with a range and step, the timeline and actual decisions, the
 * objective), sent to the API's own service so that a refusal is the API's problem, shown on the form, and nothing is
 * started; and a run's page: its progress while it runs (asked for every second), then the ranked combinations, a
 * heat map of the first two parameters varied, the Parameters cells and values to type for the best combination, and
 * the CSV and XLSX downloads.
 */
@Controller
@RequestMapping("/console/calibrations")
class CalibrationPage {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int RUNS_PER_PAGE = 20;

    private final CalibrationService calibrations;
    private final ReplayService replays;
    private final RuleSetOverview ruleSets;
    private final RuleSetRegistry registry;
    private final ConsoleModel layout;
    private final MessageSource texts;

    CalibrationPage(CalibrationService calibrations, ReplayService replays, RuleSetOverview ruleSets,
            RuleSetRegistry registry, ConsoleModel layout, ApplicationContext context) {
        this.texts = ConsoleWebConfig.messages(context);
        this.calibrations = calibrations;
        this.replays = replays;
        this.ruleSets = ruleSets;
        this.registry = registry;
        this.layout = layout;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, page);
        CalibrationViews.Page runs = calibrations.list(from, RUNS_PER_PAGE);
        model.addAttribute("runs", runs);
        model.addAttribute("page", from);
        model.addAttribute("pages", (int) Math.max(1, (runs.total() + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE));
        return "console/calibrations";
    }

    /** The form; {@code ruleSet} chooses the version whose Parameters are offered (the select asks again on change). */
    @GetMapping("/new")
    String form(@RequestParam(required = false) String ruleSet, Model model) {
        return formPage(CalibrationForm.empty(ruleSet == null || ruleSet.isBlank() ? null : ruleSet.strip()), null,
                model);
    }

    @PostMapping
    String start(@RequestParam(required = false) MultipartFile timeline,
            @RequestParam(required = false) MultipartFile actual, HttpServletRequest http,
            HttpServletResponse response, Locale locale, Model model) {
        CalibrationForm form = CalibrationForm.read(http, timeline, actual);
        RunRefusal refusal;
        try {
            CalibrationViews.Accepted accepted = calibrations.start(form.request(), Callers.of(http));
            return "redirect:/console/calibrations/" + accepted.id();
        } catch (InvalidRequestException | ProblemException e) {
            refusal = RunRefusal.of(e, texts, locale);
        }
        response.setStatus(refusal.status());
        return formPage(form, refusal, model);
    }

    @GetMapping("/{id}")
    String run(@PathVariable String id, Model model) {
        runModel(id, model);
        return "console/calibration";
    }

    /** The part of the page that changes while it runs; once it is over, the results in its place. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        runModel(id, model);
        return "console/calibration :: run";
    }

    @GetMapping("/{id}/calibration.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id) {
        return download(calibrations.file(id, StoredRuns.File.CSV, "calibration.csv"), "text/csv;charset=UTF-8",
                "calibration-" + id + ".csv");
    }

    @GetMapping("/{id}/calibration.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id) {
        return download(calibrations.file(id, StoredRuns.File.XLSX, "calibration.xlsx"), XLSX,
                "calibration-" + id + ".xlsx");
    }

    /** An unknown calibration is the console's 404; a download before it is done leads back to its page. */
    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException e, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model) {
        if (e.kind().status() == HttpServletResponse.SC_CONFLICT) {
            String path = request.getRequestURI();
            return "redirect:" + path.substring(0, path.lastIndexOf('/'));
        }
        layout.layout(model, request, locale);
        return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
    }

    /** The version's parameters in the select: its name and today's value, none for a version this user may not use. */
    record ParameterChoice(String name, String today) {
    }

    private String formPage(CalibrationForm form, RunRefusal refusal, Model model) {
        boolean drafts = CurrentUser.mayUseDrafts();
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("examples", replays.examples());
        model.addAttribute("versions", ruleSets.overview().versions().stream()
                .filter(v -> drafts || v.state() != RuleSetOverview.State.DRAFT).toList());
        model.addAttribute("parameters", parameters(form.ruleSet(), drafts));
        model.addAttribute("objectives", Objective.values());
        return "console/calibration-new";
    }

    private List<ParameterChoice> parameters(String version, boolean drafts) {
        CompiledRuleSet rules;
        try {
            String id = version == null || version.isBlank() ? null : version.strip();
            registry.checkPinnable(id, drafts);
            rules = id == null ? registry.current() : registry.pinned(id);
        } catch (ProblemException unknownOrRefused) {
            return List.of(); // the select shows none; a start names the version's problem as the API does
        }
        return rules.model().parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ParameterChoice(e.getKey(), e.getValue().toPlainString())).toList();
    }

    private void runModel(String id, Model model) {
        CalibrationViews.Run run = calibrations.find(id);
        boolean done = "done".equals(run.status());
        model.addAttribute("run", run);
        model.addAttribute("done", done);
        model.addAttribute("over", done || "failed".equals(run.status()));
        model.addAttribute("view", done && run.summary() != null ? CalibrationView.of(run.summary()) : null);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
