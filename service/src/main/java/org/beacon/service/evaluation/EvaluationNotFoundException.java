package org.beacon.service.evaluation;

/** No audited evaluation has this id. Becomes a 404 problem. */
public final class EvaluationNotFoundException extends RuntimeException {

    public EvaluationNotFoundException(String id) {
        super("no evaluation has the id " + id);
    }
}
