package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.beacon.service.replay.ReplayFiles;
import org.beacon.service.replay.ReplayNotFinishedException;
import org.beacon.service.replay.ReplayNotFoundException;
import org.beacon.service.replay.ReplayRequest;
import org.beacon.service.replay.ReplayService;
import org.beacon.service.replay.ReplayViews;
import org.beacon.service.security.Callers;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.ProblemException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replay pages (issue 24): the runs newest first with a form to start one, and a run's page: its progress while it
 * runs (the page asks for it every second), then per region a chart of the indicators and levels, the transitions,
 * the lags against the actual decisions, the divergences and the data issues, and the downloads. The form sends the
 * same fields as {@code POST /replays} to the same service, so a refusal is the API's, shown on the page, and
 * nothing is started.
 */
@Controller
@RequestMapping("/console/replays")
class ReplaysPage {

    static final int RUNS_PER_PAGE = 20;
    static final int REGIONS_PER_PAGE = 20;

    private final ReplayService replays;
    private final RuleSetOverview ruleSets;
    private final ConsoleModel layout;
    private final JsonMapper json;
    private final MessageSource texts;

    ReplaysPage(ReplayService replays, RuleSetOverview ruleSets, ConsoleModel layout, JsonMapper json,
            ApplicationContext context) {
        this.replays = replays;
        this.ruleSets = ruleSets;
        this.layout = layout;
        this.json = json;
        this.texts = ConsoleWebConfig.messages(context);
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String tooLarge,
            Model model) {
        model.addAttribute("tooLarge", tooLarge != null);
        return listPage(Math.max(0, page), null, null, model);
    }

    @PostMapping
    String start(@ModelAttribute ReplayRequest form, HttpServletRequest http, HttpServletResponse response,
            Locale locale, Model model) {
        RunRefusal refusal;
        try {
            ReplayViews.Accepted accepted = replays.start(form, Callers.of(http));
            return "redirect:/console/replays/" + accepted.id();
        } catch (InvalidRequestException | ProblemException e) {
            refusal = RunRefusal.of(e, texts, locale);
        }
        response.setStatus(refusal.status());
        return listPage(0, form, refusal, model);
    }

    @GetMapping("/{id}")
    String run(@PathVariable String id, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int rpage, Model model) {
        runModel(id, region, q, rpage, model);
        return "console/replay";
    }

    /** The part of a run's page that changes while it runs; once it is over, the results in its place. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        runModel(id, null, null, 0, model);
        return "console/replay :: run";
    }

    @GetMapping("/{id}/" + ReplayFiles.STEPS)
    ResponseEntity<Resource> steps(@PathVariable String id) {
        return file(replays.result(id, ReplayFiles.STEPS), MediaType.parseMediaType("text/csv;charset=UTF-8"),
                "replay-" + id + "-steps.csv");
    }

    @GetMapping("/{id}/" + ReplayFiles.REPORT)
    ResponseEntity<Resource> report(@PathVariable String id) {
        return file(replays.result(id, ReplayFiles.REPORT), MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "replay-" + id + "-report.xlsx");
    }

    /** The summary as {@code GET /replays/{id}} holds it, as a file. */
    @GetMapping("/{id}/summary.json")
    ResponseEntity<String> summary(@PathVariable String id) {
        replays.result(id, ReplayFiles.STEPS);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION,
                attachment("replay-" + id + "-summary.json"))
                .body(json.writeValueAsString(replays.find(id).summary()));
    }

    @ExceptionHandler(ReplayNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        layout.layout(model, request, locale);
        return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
    }

    /** A download asked for before the run is done (an old link): the run's page, which says where it is. */
    @ExceptionHandler(ReplayNotFinishedException.class)
    String notFinished(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }

    private void runModel(String id, String region, String q, int rpage, Model model) {
        ReplayViews.Run run = replays.find(id);
        model.addAttribute("run", run);
        model.addAttribute("inputs", ReplayRunView.inputs(run.inputs()));
        boolean done = "done".equals(run.status());
        model.addAttribute("done", done);
        model.addAttribute("over", done || "failed".equals(run.status()));
        if (!done) {
            return;
        }
        ReplayRunView view = ReplayRunView.of(run.summary());
        String query = q == null ? "" : q.trim();
        ReplayViews.Regions regions = replays.regions(id, query, Math.max(0, rpage), REGIONS_PER_PAGE);
        String chosen = region;
        if (chosen == null || chosen.isBlank()) {
            chosen = regions.items().isEmpty() ? null : regions.items().get(0).code();
        }
        ReplayViews.Series series = chosen == null ? null : replays.series(id, chosen).orElse(null);
        model.addAttribute("view", view);
        model.addAttribute("regions", regions);
        model.addAttribute("q", query);
        model.addAttribute("rpage", regions.page());
        model.addAttribute("pages", (regions.total() + REGIONS_PER_PAGE - 1) / REGIONS_PER_PAGE);
        model.addAttribute("series", series);
        model.addAttribute("region", series == null ? null : view.region(series.code()));
        model.addAttribute("chart", series == null ? null : json.writeValueAsString(ReplayChart.of(series)));
    }

    /** @param form what was sent, shown again after a refusal; null for an empty form */
    private String listPage(int page, ReplayRequest form, RunRefusal refusal, Model model) {
        ReplayViews.Page runs = replays.list(page, RUNS_PER_PAGE);
        model.addAttribute("runs", runs);
        model.addAttribute("page", page);
        model.addAttribute("pages", (int) Math.max(1, (runs.total() + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE));
        model.addAttribute("examples", replays.examples());
        model.addAttribute("versions", ruleSets.overview().versions());
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        return "console/replays";
    }

    private static ResponseEntity<Resource> file(Path path, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                .body(new FileSystemResource(path));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
