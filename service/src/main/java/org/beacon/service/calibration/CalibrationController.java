package org.beacon.service.calibration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.beacon.service.runs.StoredRuns;
import org.beacon.service.security.Callers;
import org.beacon.service.web.RefusesUnknownParameters;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calibrations: which values of the named Parameters would have matched what was actually decided. */
@RestController
@RequestMapping("/calibrations")
@Tag(name = "Calibrations", description = "Sweeps of the workbooks' named Parameters over a historical timeline, "
        + "ranked against the actual decisions; the workbooks are never changed")
class CalibrationController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CalibrationService service;

    CalibrationController(CalibrationService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a calibration", description = "Reviewers and up; a draft ruleSet editors and up. "
            + "The timeline and actual decisions as for POST /replays, vary (repeatable: name=from..to:step), "
            + "objective. A malformed or empty range, a grid over 500 combinations, an unknown objective or "
            + "parameter, or a file that cannot be read is a 400 naming the field or the file's line; an unknown "
            + "version a 404; nothing is stored then. 202 with the run's id and links; 503 with Retry-After when "
            + "every place of long runs is taken.")
    @RefusesUnknownParameters
    ResponseEntity<CalibrationViews.Accepted> start(@ModelAttribute CalibrationRequest request,
            HttpServletRequest http) {
        CalibrationViews.Accepted accepted = service.start(request, Callers.of(http));
        return ResponseEntity.accepted().location(URI.create(accepted.links().get("self"))).body(accepted);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A calibration: status, progress, inputs and, when done, the ranked combinations",
            description = "summary: objective, parameters, today (values and cells), baseline (today's fit), ranked "
            + "(every combination, best first: parameters, score, fit, failedTests), toType (the best values and "
            + "the Parameters cells to type them into).")
    CalibrationViews.Run find(@PathVariable String id) {
        return service.find(id);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Calibrations, newest first")
    CalibrationViews.Page list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return service.list(page, size);
    }

    @GetMapping("/{id}/calibration.csv")
    @Operation(summary = "Every combination as CSV, best first", description = "409 until done.")
    ResponseEntity<byte[]> csv(@PathVariable String id) {
        return file(service.file(id, StoredRuns.File.CSV, "calibration.csv"), CSV, "calibration-" + id + ".csv");
    }

    @GetMapping("/{id}/calibration.xlsx")
    @Operation(summary = "The report as a workbook: summary with the cells to change, ranking, heat map of two "
            + "parameters", description = "409 until done.")
    ResponseEntity<byte[]> xlsx(@PathVariable String id) {
        return file(service.file(id, StoredRuns.File.XLSX, "calibration.xlsx"), XLSX,
                "calibration-" + id + ".xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
