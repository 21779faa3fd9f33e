package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.service.impact.ImpactRequest;
import org.beacon.service.impact.ImpactService;
import org.beacon.service.impact.ImpactViews;
import org.beacon.service.security.Callers;
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
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version's impact (issue 24 item 3), editors and up as the API: the version page's button starts a run over the
 * default window (the last 30 days of the audit) against the version in force, and the run's page asks for its
 * progress every second until it is done, then shows the transition matrices, the weekly burden chart, the example
 * evaluations, the rows gained and lost and the workbook. A refusal (the queue full, a window over the cap) is the
 * API's problem shown on a page; nothing is started then.
 */
@Controller
@RequestMapping("/console/rule-sets/{version}/impact")
class ImpactPage {

    private final ImpactService impact;
    private final ConsoleModel layout;
    private final JsonMapper json;
    private final MessageSource texts;

    ImpactPage(ImpactService impact, ConsoleModel layout, JsonMapper json, ApplicationContext context) {
        this.impact = impact;
        this.layout = layout;
        this.json = json;
        this.texts = ConsoleWebConfig.messages(context);
    }

    @PostMapping
    String start(@PathVariable String version, HttpServletRequest http) {
        ImpactViews.Accepted accepted = impact.start(version, ImpactRequest.defaults(), Callers.of(http));
        return "redirect:/console/rule-sets/" + version + "/impact/" + accepted.id();
    }

    @GetMapping("/{run}")
    String run(@PathVariable String version, @PathVariable String run, Model model) {
        runModel(version, run, model);
        return "console/impact";
    }

    /** The part of a run's page that changes while it runs; once it is over, the results in its place. */
    @GetMapping("/{run}/progress")
    String progress(@PathVariable String version, @PathVariable String run, Model model) {
        runModel(version, run, model);
        return "console/impact :: run";
    }

    @GetMapping("/{run}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable String version, @PathVariable String run) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).header(
                HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("impact-" + version + "-"
                        + run + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(impact.workbook(version, run));
    }

    /** The API's refusal (404 unknown version or run, 409 not done, 503 every place taken) as a page. */
    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException e, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model) {
        layout.layout(model, request, locale);
        if (e.kind().status() == HttpServletResponse.SC_NOT_FOUND) {
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        e.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        return refusal(RunRefusal.of(e, texts, locale), request, response, model);
    }

    /** A window holding more audited decisions than the cap: the API's 400, each reason a line. */
    @ExceptionHandler(InvalidRequestException.class)
    String invalid(InvalidRequestException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        layout.layout(model, request, locale);
        return refusal(RunRefusal.of(e, texts, locale), request, response, model);
    }

    /** The refusal's title, then its detail and each field's error as a line, in the page's language. */
    private static String refusal(RunRefusal refusal, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        response.setStatus(refusal.status());
        List<String> details = new ArrayList<>();
        if (refusal.detail() != null) {
            details.add(refusal.detail());
        }
        refusal.errors().forEach(f -> details.add(f.detail()));
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        model.addAttribute("version", variables instanceof Map<?, ?> m ? m.get("version") : null);
        model.addAttribute("refusalTitle", refusal.title());
        model.addAttribute("refusalDetails", details);
        return "console/impact-refused";
    }

    private void runModel(String version, String id, Model model) {
        ImpactViews.Run run = impact.find(version, id);
        boolean done = "done".equals(run.status());
        model.addAttribute("run", run);
        model.addAttribute("done", done);
        model.addAttribute("over", done || "failed".equals(run.status()));
        if (done && run.report() != null) {
            ImpactView view = ImpactView.of(run.report());
            model.addAttribute("view", view);
            model.addAttribute("chart", json.writeValueAsString(view.burden()));
        }
    }
}
