package org.beacon.service.ruleset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beacon.rules.WorkbookSource;
import org.beacon.rules.diff.Change;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.service.evaluation.InvalidRequestException;
import org.beacon.service.system.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rule-set versions: upload and check, list, download, activate, roll back. */
@RestController
@RequestMapping("/rule-sets")
@Tag(name = "Rule sets", description = "Versions of the expert workbooks: upload, check, activate, roll back")
class RuleSetController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final int MAX_COMMENT = 2000;

    private final RuleSetService service;

    RuleSetController(RuleSetService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload workbooks as a new version", description = "Validates every cell, compiles the "
            + "tables and runs the test sheets. Errors: 422 with diagnostics [{cell, code, detail}], nothing stored; "
            + "a version over the size budget (beacon.rule-sets.max-rule-rows, max-cells) is refused so before it "
            + "is compiled (RULE_SET_TOO_LARGE). Every compile turn taken for beacon.rule-sets.compile-wait: 503 with "
            + "Retry-After, nothing stored. Valid: 201 with the version (a draft until activated), its warnings and "
            + "test count. The same content again: 200 with the existing version.")
    ResponseEntity<RuleSetView> upload(@RequestPart("files") List<MultipartFile> files,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) LocalDate effectiveFrom, HttpServletRequest http) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            // checked before the workbooks are compiled; the version table keeps this much
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("comment", "at most "
                    + MAX_COMMENT + " characters, not " + comment.length())));
        }
        RuleSetService.Upload upload = service.upload(sources(files), Callers.of(http), comment, effectiveFrom);
        RuleSetView v = upload.version();
        return upload.created() ? ResponseEntity.created(URI.create("/rule-sets/" + v.id())).body(v)
                : ResponseEntity.ok(v);
    }

    @GetMapping
    @Operation(summary = "All versions, oldest first, with their status")
    List<RuleSetView> list() {
        return service.list();
    }

    @GetMapping("/events")
    @Operation(summary = "Every activation and rollback: who, when, which version was in force before")
    List<RuleSetEvent> events() {
        return service.events();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One version with its activations and rollbacks")
    RuleSetView find(@PathVariable String id) {
        return service.find(id);
    }

    @GetMapping("/{id}/workbooks/{name}")
    @Operation(summary = "The exact bytes of one of a version's workbooks")
    ResponseEntity<byte[]> workbook(@PathVariable String id, @PathVariable String name) {
        byte[] bytes = service.workbook(id, name);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString()).body(bytes);
    }

    /** @param changes what differs, table by table; empty when the versions decide alike */
    record DiffView(String from, String to, int added, int removed, int changed, List<Change> changes) {
    }

    @GetMapping("/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another, table by table", description = "Indicators, "
            + "parameters and colours added, removed or changed; rows added or removed; rows whose answer changed "
            + "and rows whose thresholds moved. Rows are matched by content, not position.")
    DiffView diff(@PathVariable String from, @PathVariable String to) {
        List<Change> changes = RuleSetDiff.between(service.compiled(from).model(), service.compiled(to).model());
        return new DiffView(from, to, count(changes, "added"), count(changes, "removed"), count(changes, "changed"),
                changes);
    }

    private static int count(List<Change> changes, String kind) {
        return (int) changes.stream().filter(c -> c.kind().equals(kind)).count();
    }

    @PostMapping("/{id}/activation")
    @Operation(summary = "Put a version in force from its effective date", description = "Activating an older "
            + "version rolls back to it. Requests in flight finish on the version they started with.")
    RuleSetView activate(@PathVariable String id, HttpServletRequest http) {
        return service.activate(id, Callers.of(http));
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Withdraw a version: the version activated before it takes over again")
    RuleSetView rollback(@PathVariable String id, HttpServletRequest http) {
        return service.rollback(id, Callers.of(http));
    }

    private static List<WorkbookSource> sources(List<MultipartFile> files) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        List<WorkbookSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            MultipartFile f = files.get(i);
            String original = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
            String name = original.isBlank() ? "" : Path.of(original.replace('\\', '/')).getFileName().toString();
            if (name.isBlank() || name.chars().anyMatch(Character::isISOControl) || name.length() > 200) {
                errors.add(new InvalidRequestException.FieldError("files/" + i, "each file needs a plain file name"));
            } else if (!names.add(name)) {
                errors.add(new InvalidRequestException.FieldError("files/" + i, "two files are named " + name));
            } else {
                try {
                    sources.add(new WorkbookSource(name, f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (files.isEmpty()) {
            errors.add(new InvalidRequestException.FieldError("files", "upload at least one .xlsx workbook"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return sources;
    }
}
