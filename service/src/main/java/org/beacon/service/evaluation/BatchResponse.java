package org.beacon.service.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.beacon.service.web.InvalidRequestException;

/**
 * The answer to a batch: one result per situation, in the order received.
 *
 * @param batchId id shared by the batch's audited evaluations
 * @param count situations received
 * @param failed situations that could not be evaluated
 * @param results one per situation: an evaluation, or an error for that situation alone
 */
public record BatchResponse(UUID batchId, int count, int failed, List<Item> results) {

    /** {@code evaluation} or {@code error} is set, never both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, EvaluationResponse evaluation, ItemError error) {
    }

    /** Why one situation of a batch was not evaluated; pointers are relative to the batch body. */
    public record ItemError(int status, String title, List<InvalidRequestException.FieldError> errors) {
    }
}
