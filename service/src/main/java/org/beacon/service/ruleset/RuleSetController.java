package org.beacon.service.ruleset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.beacon.service.security.Callers;
import org.beacon.service.web.AnswerLanguage;
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
            @RequestParam(required = false) String replace, HttpServletRequest http, Locale locale) {
        UploadForm form = UploadForm.of(files, comment, base, remove, replace);
        Locale language = AnswerLanguage.of(locale);
        RuleSetService.Upload upload = service.upload(form.base(), form.changes(), Callers.of(http), form.comment(),
                effectiveFrom, language);
        RuleSetView v = upload.version();
        HttpHeaders headers = new HttpHeaders();
        AnswerLanguage.tell(headers, language);
        return upload.created() ? ResponseEntity.created(URI.create("/rule-sets/" + v.id())).headers(headers).body(v)
                : ResponseEntity.ok().headers(headers).body(v);
    }

    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check workbooks as an upload would, storing nothing", description = "The same form as "
            + "POST /rule-sets (files, base, remove, replace, effectiveFrom, comment) and the same checks: the merged "
            + "workbooks are validated cell by cell, compiled and their test sheets run; nothing is stored, whatever "
            + "the outcome. 200 with valid (true when an upload would store the version), every diagnostic "
            + "[{severity, workbook, cell, code, detail}] (notes included, severity info), each test row "
            + "[{workbook, row, passed, detail}], a summary (workbooks, tables, ruleRows, cells, tests, testsPassed, "
            + "testsFailed, errors, warnings, infos), the base, the workbooks the version would have, existing (the "
            + "version these workbooks with this effective date already are) and, when valid, the diff against the "
            + "base. Bad form fields or file names: 400 problem+json; unknown base: 404; every compile turn taken: "
            + "503 with Retry-After. Editor and up.")
    RuleSetCheck check(@RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) LocalDate effectiveFrom,
            @RequestParam(required = false) String base,
            @RequestParam(required = false) List<String> remove,
            @RequestParam(required = false) String replace, Locale locale, HttpServletResponse response) {
        UploadForm form = UploadForm.of(files, comment, base, remove, replace);
        Locale language = AnswerLanguage.of(locale);
        RuleSetCheck result = service.check(form.base(), form.changes(), effectiveFrom, language);
        // only on the answer it translates: a refused request's problem is in English
        AnswerLanguage.tell(response, language);
        return result;
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
        return service.diff(from, to);
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
}
