package org.beacon.service.evaluation;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** No audited evaluation has this id. Becomes a 404 problem. */
public final class EvaluationNotFoundException extends ProblemException {

    static final ProblemType KIND = new ProblemType("evaluation-not-found", 404, "Evaluation not found");

    public EvaluationNotFoundException(String id) {
        super(KIND, "no evaluation has the id " + id);
    }
}
