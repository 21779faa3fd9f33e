package org.beacon.service.evaluation;

/** A batch with more situations than {@code beacon.batch.max-size}. Becomes a 413 problem. */
public final class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int size, int limit) {
        super("the batch holds " + size + " situations; the limit is " + limit + ": split it into smaller batches");
    }
}
