package org.beacon.service.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/** What a version would change if it were put in force, over the audit trail of a window. */
@RestController
@RequestMapping("/rule-sets/{version}/impact")
@Tag(name = "Rule sets", description = "Versions of the decision tables")
class ImpactController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImpactService service;

    ImpactController(ImpactService service) {
        this.service = service;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start an impact run: the audited decisions of a window decided again with the version in "
            + "force and this one", description = "Editors and admins. Query (or form) parameters: from, to (UTC "
            + "days of the audit, both included; default the last 30 days), limit (the cap, default 100,000), "
            + "region, eventType, examples (ids kept per transition, default 10); as multipart, also a timeline CSV "
            + "(timeline, or example naming one of examples/timelines/, read with source, step and missingDays as "
            + "POST /replays reads them) replayed with both versions, its steps counted in the same report. Runs are "
            + "stored and outlive a restart (one cut off by it is failed). An unknown version is a 404; a "
            + "bad parameter, a timeline that cannot be read, or a window holding more decisions than the cap a 400 "
            + "naming it; nothing is stored "
            + "then. 202 with the run's id and links; 503 with Retry-After when every place is taken.")
    @RefusesUnknownParameters
    ResponseEntity<ImpactViews.Accepted> start(@PathVariable String version, @ModelAttribute ImpactRequest request,
            HttpServletRequest http) {
        ImpactViews.Accepted accepted = service.start(version, request, Callers.of(http));
        return ResponseEntity.accepted().location(URI.create(accepted.links().get("self"))).body(accepted);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The impact runs of a version, newest first", description = "Each with its status, who "
            + "ran it, the version it was compared with, its window and timeline, and links; 404 for an unknown "
            + "version.")
    ImpactViews.Page list(@PathVariable String version, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return service.list(version, page, size);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An impact run: status, progress and, when done, its report", description = "report: "
            + "transitions of grade, colour, riskLevel and reporting with counts and example evaluation ids, rows "
            + "gained and lost, the weekly burden before and after, the situations the new dictionary refuses; "
            + "undecidable counts audited decisions whose signal series were not kept.")
    ImpactViews.Run find(@PathVariable String version, @PathVariable String id) {
        return service.find(version, id);
    }

    @GetMapping("/{id}/report.xlsx")
    @Operation(summary = "The report as an Excel workbook with a chart of the weekly burden", description = "409 "
            + "while the run is queued or running, or when it failed.")
    ResponseEntity<byte[]> report(@PathVariable String version, @PathVariable String id) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename("impact-" + version + "-" + id + ".xlsx", StandardCharsets.UTF_8).build()
                .toString()).body(service.workbook(version, id));
    }
}
