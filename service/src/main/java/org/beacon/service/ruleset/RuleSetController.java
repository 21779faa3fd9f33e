package org.beacon.service.ruleset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.security.Callers;
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
    @Operation(summary = "Upload workbooks as a new version", description = "A new version is a change to a base "
            + "version (base=<id>; default: the version in force today): each uploaded workbook replaces the base's "
            + "workbook of the same file name, or is added; the base's other workbooks are kept; remove=<file name> "
            + "(repeatable) drops one. replace=all makes the upload the complete set (base and remove are then "
            + "refused). Files are plain .xlsx names. The merged workbooks are validated cell by cell, compiled and "
            + "tested. Errors: 422 with diagnostics [{cell, code, detail}]; a remove that names no workbook of the "
            + "base, or a bad file name: 400; nothing is stored. Valid: 201 with the version (a draft until "
            + "activated), its warnings, test count and upload: {base, existing, detail, removedWorkbooks, diff "
            + "against the base}. A version is its workbooks and its effective date: the same workbooks with the "
            + "same effectiveFrom (or both without) again give 200 with the existing version as it is (upload."
            + "existing true, its comment kept); the same workbooks with another or no effectiveFrom are a new "
            + "version. A version over the size budget (beacon.rule-sets.max-rule-rows, max-cells) is "
            + "refused before it is compiled (422 RULE_SET_TOO_LARGE); every compile turn taken for "
            + "beacon.rule-sets.compile-wait: 503 with Retry-After; nothing is stored then.")
    ResponseEntity<RuleSetView> upload(@RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) LocalDate effectiveFrom,
            @RequestParam(required = false) String base,
            @RequestParam(required = false) List<String> remove,
            @RequestParam(required = false) String replace, HttpServletRequest http) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        if (comment != null && comment.length() > MAX_COMMENT) {
            // checked before the workbooks are compiled; the version table keeps this much
            errors.add(new InvalidRequestException.FieldError("comment", "at most " + MAX_COMMENT + " characters, "
                    + "not " + comment.length()));
        }
        List<String> removed = remove == null ? List.of() : remove;
        boolean replaceAll = replace != null && replace.equals("all");
        if (replace != null && !replaceAll) {
            errors.add(new InvalidRequestException.FieldError("replace", "replace takes only 'all' (the upload is "
                    + "the complete set); leave it out to change the base's workbooks"));
        }
        if (replaceAll && base != null) {
            errors.add(new InvalidRequestException.FieldError("base", "replace=all uploads a complete set, which "
                    + "has no base; leave out base or replace"));
        }
        if (replaceAll && !removed.isEmpty()) {
            errors.add(new InvalidRequestException.FieldError("remove", "replace=all uploads a complete set: leave "
                    + "out the workbooks you do not want instead of removing them"));
        }
        if (base != null && base.isBlank()) {
            errors.add(new InvalidRequestException.FieldError("base", "base names a version (v1); leave it out for "
                    + "the version in force today"));
        }
        List<WorkbookSource> sources = sources(files == null ? List.of() : files, errors);
        if (sources.isEmpty() && removed.isEmpty() && errors.isEmpty()) {
            errors.add(new InvalidRequestException.FieldError("files", "upload at least one .xlsx workbook (files), "
                    + "or name one of the base's workbooks to drop (remove)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleSetService.Upload upload = service.upload(base, new WorkbookChanges(sources, removed, replaceAll),
                Callers.of(http), comment, effectiveFrom);
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

    @GetMapping("/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another, table by table", description = "Indicators, "
            + "parameters and colours added, removed or changed; rows added or removed; rows whose answer changed "
            + "and rows whose thresholds moved; test rows added, removed or changed. Rows and tests are matched by "
            + "content, not position.")
    VersionDiff diff(@PathVariable String from, @PathVariable String to) {
        return VersionDiff.of(from, to, RuleSetDiff.between(service.compiled(from).model(),
                service.compiled(to).model()));
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

    /** The uploaded workbooks; a file whose name is not a plain .xlsx name is an error naming it. */
    private static List<WorkbookSource> sources(List<MultipartFile> files,
            List<InvalidRequestException.FieldError> errors) {
        List<WorkbookSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            MultipartFile f = files.get(i);
            String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
            String refusal = WorkbookFileNames.refusal(name);
            if (refusal != null) {
                errors.add(new InvalidRequestException.FieldError("files/" + i, refusal));
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
        return sources;
    }
}
