package org.beacon.service.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.beacon.service.evaluation.AuditTrail;
import org.beacon.service.evaluation.EvaluationNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /evaluations/{id}}: an audited decision exactly as it was answered, from the database or, once audit
 * retention moved it out, from the export file that holds it, so that a link kept from before still answers (the
 * console's decision page reads the same two places). It lives beside retention because the evaluation feature
 * must not know about the archive, which is built on its audit rows.
 */
@RestController
@Tag(name = "Evaluations")
class AuditedDecisionController {

    /** Names the export file an archived decision was read from; absent while its row is in the database. */
    static final String ARCHIVED = "Beacon-Archived";

    private final AuditTrail trail;
    private final AuditRetention retention;

    AuditedDecisionController(AuditTrail trail, AuditRetention retention) {
        this.trail = trail;
        this.retention = retention;
    }

    @GetMapping(path = "/evaluations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An audited decision, exactly as it was returned (with its explanation)", description =
            "Also a decision audit retention exported to a file under audit-archive/ and deleted from the database: "
            + "the same JSON, with the header Beacon-Archived naming the file.")
    @ApiResponse(responseCode = "200", description = "The decision as it was answered", headers = @Header(name =
            ARCHIVED, description = "The export file the decision was read from, when it is archived"))
    ResponseEntity<String> find(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new EvaluationNotFoundException(id);
        }
        Optional<String> kept = trail.decisionJson(uuid);
        if (kept.isPresent()) {
            return ResponseEntity.ok(kept.get());
        }
        AuditRetention.Archived archived = retention.archived(uuid)
                .orElseThrow(() -> new EvaluationNotFoundException(id));
        return ResponseEntity.ok().header(ARCHIVED, archived.file()).body(archived.decisionJson());
    }
}
