package org.beacon.service.evaluation;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** A batch with more situations than {@code beacon.batch.max-size}. Becomes a 413 problem. */
public final class BatchTooLargeException extends ProblemException {

    static final ProblemType KIND = new ProblemType("batch-too-large", 413, "Batch too large");

    public BatchTooLargeException(int size, int limit) {
        super(KIND, "the batch holds " + size + " situations; the limit is " + limit
                + ": split it into smaller batches");
    }
}
