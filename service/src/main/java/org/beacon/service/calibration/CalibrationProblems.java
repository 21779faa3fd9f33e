package org.beacon.service.calibration;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** The problems of calibrations, each with its fixed type. */
final class CalibrationProblems {

    private CalibrationProblems() {
    }

    /** No calibration has this id. Becomes a 404 problem. */
    static final class CalibrationNotFoundException extends ProblemException {
        static final ProblemType KIND = new ProblemType("calibration-not-found", 404, "Calibration not found");

        CalibrationNotFoundException(String id) {
            super(KIND, "no calibration has the id " + id);
        }
    }

    /** The calibration has no files yet, or failed. Becomes a 409 problem. */
    static final class CalibrationNotFinishedException extends ProblemException {
        static final ProblemType KIND = new ProblemType("calibration-not-finished", 409, "Calibration not finished");

        CalibrationNotFinishedException(String detail) {
            super(KIND, detail);
        }
    }
}
