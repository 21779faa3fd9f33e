package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.beacon.service.calibration.CalibrationService;
import org.beacon.service.calibration.CalibrationViews;
import org.beacon.service.runs.StoredRuns;
import org.beacon.service.web.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A calibration's page (issue 24 item 3), reviewers and up as the API: its progress while it runs (asked for every
 * second), then the ranked combinations, a heat map of the first two parameters varied, the Parameters cells and
 * values to type for the best combination, and the CSV and XLSX downloads. Calibrations are started over the API
 * ({@code POST /calibrations}) or {@code beacon calibrate}.
 */
@Controller
@RequestMapping("/console/calibrations")
class CalibrationPage {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CalibrationService calibrations;
    private final ConsoleModel layout;

    CalibrationPage(CalibrationService calibrations, ConsoleModel layout) {
        this.calibrations = calibrations;
        this.layout = layout;
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
