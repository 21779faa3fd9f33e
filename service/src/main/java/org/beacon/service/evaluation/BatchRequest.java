package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Situations to decide in one call. Items are read one by one, so a malformed situation fails alone.
 *
 * @param situations up to {@code beacon.batch.max-size} situations
 */
public record BatchRequest(
        @ArraySchema(schema = @Schema(implementation = EvaluationRequest.class)) List<JsonNode> situations) {
}
