package org.beacon.service.evaluation;

import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.security.CurrentUser;
import org.beacon.service.web.AnswerLanguage;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.QuotedInput;
import org.beacon.service.web.RefusesUnknownParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.beacon.service.security.Callers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation API: decide one situation or a batch, and read the audit trail. */
@RestController
@RequestMapping("/evaluations")
@Tag(name = "Evaluations", description = "Decide situations against the rule set in force; every decision is audited")
class EvaluationController {

    /** What {@code ?margins=true} adds, for the OpenAPI description of every endpoint that takes it. */
    static final String MARGINS = "true adds margins: for each numeric indicator of the situation, the nearest "
            + "values above and below at which the grade, warning colour, reporting duty or risk level would change "
            + "(every other value held), how far they are, what the answer would then be and the rows that would "
            + "give it; stored with the audited decision. Absent when false.";
    private static final int MAX_PAGE_SIZE = 500;
    private static final Instant EARLIEST = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private final EvaluationService service;
    private final EvaluationMetrics metrics;
    private final RuleSetRegistry registry;

    EvaluationController(EvaluationService service, EvaluationMetrics metrics, RuleSetRegistry registry) {
        this.service = service;
        this.metrics = metrics;
        this.registry = registry;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide one situation", description = "Returns the response grade, warning colour, actions "
            + "and, per table, the rows that answered with the value each condition was tested against. The "
            + "decision is stored in the audit trail before the response is sent.")
    @ApiResponse(responseCode = "200", description = "The decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EvaluationResponse.class)))
    @RefusesUnknownParameters
    // bytes, not an EvaluationResponse: the service has serialised the decision once for the audit and the answer
    byte[] evaluate(@RequestBody EvaluationRequest request,
            @Parameter(description = "false leaves out the per-condition explanation")
            @RequestParam(defaultValue = "true") boolean explain,
            @Parameter(description = MARGINS) @RequestParam(defaultValue = "false") boolean margins,
            @Parameter(description = "a rule-set version to use (e.g. a draft to try) instead of the one in force on "
                    + "the situation's asOf date") @RequestParam(required = false) String ruleSet,
            HttpServletRequest http, Locale locale) {
        registry.checkPinnable(ruleSet, CurrentUser.mayUseDrafts());
        // a decision has no words to translate: only a refused situation's problems are told in the reader's language
        return metrics.single().record(() -> service.evaluate(request, explain, margins, Callers.of(http), ruleSet,
                AnswerLanguage.of(locale)));
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide many situations", description = "One result per situation, in the order sent. A "
            + "situation that cannot be evaluated gets an error entry of its own; the others are still decided. At "
            + "most beacon.batch.max-size (default 10,000) situations per call, otherwise 413.")
    @ApiResponse(responseCode = "200", description = "One result per situation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchResponse.class)))
    @RefusesUnknownParameters
    // written, not returned: each decision's bytes, serialised once for the audit and the answer, are written out as
    // they are (BatchAnswer)
    void evaluateBatch(@RequestBody BatchRequest request,
            @RequestParam(defaultValue = "true") boolean explain,
            @Parameter(description = MARGINS) @RequestParam(defaultValue = "false") boolean margins,
            @RequestParam(required = false) String ruleSet, HttpServletRequest http, Locale locale,
            HttpServletResponse response) throws IOException {
        registry.checkPinnable(ruleSet, CurrentUser.mayUseDrafts());
        List<BatchItem> items = request.situations() == null ? List.of() : request.situations();
        AnswerErrors answer = new AnswerErrors(AnswerLanguage.of(locale));
        BatchAnswer batch = metrics.batch().record(() -> service.evaluateBatch(items, explain, margins,
                Callers.of(http), ruleSet, answer));
        AnswerLanguage.tell(response, answer.translatedInto());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024)) {
            batch.writeTo(out);
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The audit trail, newest first", description = "from and to are dates (YYYY-MM-DD, whole "
            + "days in UTC) or instants (2026-07-01T08:00:00Z) of the evaluation; to is inclusive for a date.")
    EvaluationPage list(@RequestParam(required = false) String region,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        List<InvalidRequestException.FieldError> errors = new java.util.ArrayList<>();
        Instant fromInstant = instant(from, false, "from", errors);
        Instant toInstant = instant(to, true, "to", errors);
        if (page < 0) {
            errors.add(new InvalidRequestException.FieldError("?page", "page must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new InvalidRequestException.FieldError("?size", "size must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return service.find(new AuditQuery(blankToNull(region), blankToNull(eventType), fromInstant, toInstant, page,
                size));
    }

    private static Instant instant(String text, boolean endOfDay, String name,
            List<InvalidRequestException.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant;
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = Instant.parse(text);
            }
            // the database's timestamps (and java.sql.Timestamp) stop long before Instant's limits
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                errors.add(new InvalidRequestException.FieldError("?" + name, name + " must be between 0001-01-01 "
                        + "and 9999-12-31"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new InvalidRequestException.FieldError("?" + name, "'" + QuotedInput.shorten(text)
                    + "' is not a date (2026-07-01) or an instant (2026-07-01T08:00:00Z)"));
            return null;
        }
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
