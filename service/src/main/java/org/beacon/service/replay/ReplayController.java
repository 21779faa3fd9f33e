package org.beacon.service.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.beacon.service.security.Callers;
import org.beacon.service.web.RefusesUnknownParameters;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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

/** Replays of historical timelines: start one, follow it, list them, download its steps and report. */
@RestController
@RequestMapping("/replays")
@Tag(name = "Replays", description = "What the tables would have recommended, day by day, for a historical "
        + "timeline, compared with another version and with what was actually decided")
class ReplayController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReplayService service;

    ReplayController(ReplayService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a replay", description = "Checks the files and parameters at once: any error is a "
            + "400 with errors [{pointer, code, detail}] naming the field, or the file, line and column "
            + "(timeline:12 date), and nothing is stored; an unknown version is a 404. Otherwise the run is stored "
            + "and queued: 202 with its id and links, Location /replays/{id}. When all places (running and "
            + "queued) are taken: 503 with Retry-After, nothing stored.")
    @ApiResponse(responseCode = "202", description = "accepted: follow links.self until status is done or failed")
    @RefusesUnknownParameters
    ResponseEntity<ReplayViews.Accepted> start(@ModelAttribute ReplayRequest form, HttpServletRequest http) {
        ReplayViews.Accepted accepted = service.start(form, Callers.of(http));
        return ResponseEntity.accepted().location(URI.create(accepted.links().get("self"))).body(accepted);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A replay: status, progress, inputs, and when done its summary", description = "status is "
            + "queued, running, done or failed; progress has percent, stepsDone, stepsTotal, stepsPerSecond and, "
            + "while running, secondsLeft. "
            + "inputs names the files with their SHA-256, the parameters and the rule-set versions of each arm. "
            + "summary: transitions with the rows and values behind them, the comparison with the actual decisions "
            + "(lagDays per change, negative when the tables were earlier; agreement), divergences between two "
            + "versions, and data issues.")
    ReplayViews.Run find(@PathVariable String id) {
        return service.find(id);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replays, newest first")
    ReplayViews.Page list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return service.list(page, size);
    }

    @GetMapping("/{id}/" + ReplayFiles.STEPS)
    @Operation(summary = "Every step as CSV: region, date, indicators, per arm the decided grade, colour, level and "
            + "transition, the actual level", description = "409 while the replay is queued or running, or when it "
            + "failed; 404 for an unknown id.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    ResponseEntity<Resource> steps(@PathVariable String id) {
        return file(service.result(id, ReplayFiles.STEPS), CSV, "replay-" + id + "-steps.csv");
    }

    @GetMapping("/{id}/" + ReplayFiles.REPORT)
    @Operation(summary = "The report as an Excel workbook: summary, transitions, comparison with the actual "
            + "decisions, charts", description = "409 while the replay is queued or running, or when it failed; "
            + "404 for an unknown id.")
    @ApiResponse(responseCode = "200", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    ResponseEntity<Resource> report(@PathVariable String id) {
        return file(service.result(id, ReplayFiles.REPORT), XLSX, "replay-" + id + "-report.xlsx");
    }

    private static ResponseEntity<Resource> file(Path path, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(path));
    }
}
