package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Situations to decide in one call. Items are read one by one from the body's stream, so a situation that does not
 * bind fails alone ({@link BatchItem}).
 *
 * @param situations up to {@code beacon.batch.max-size} situations
 */
public record BatchRequest(
        @ArraySchema(schema = @Schema(implementation = EvaluationRequest.class)) List<BatchItem> situations) {
}
