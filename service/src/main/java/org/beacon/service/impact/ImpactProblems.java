package org.beacon.service.impact;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** The problems of impact runs, each with its fixed type. */
final class ImpactProblems {

    private ImpactProblems() {
    }

    /** No impact run of this version has this id. Becomes a 404 problem. */
    static final class ImpactRunNotFoundException extends ProblemException {
        static final ProblemType KIND = new ProblemType("impact-run-not-found", 404, "Impact run not found");

        ImpactRunNotFoundException(String version, String id) {
            super(KIND, "no impact run of " + version + " has the id " + id);
        }
    }

    /** The run has no report yet, or failed. Becomes a 409 problem. */
    static final class ImpactNotFinishedException extends ProblemException {
        static final ProblemType KIND = new ProblemType("impact-not-finished", 409, "Impact run not finished");

        ImpactNotFinishedException(String detail) {
            super(KIND, detail);
        }
    }
}
