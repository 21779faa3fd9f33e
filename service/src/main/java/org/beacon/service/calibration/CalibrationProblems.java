package org.beacon.service.calibration;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.springframework.http.HttpHeaders;

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

    /** Every place for a long run is taken. Becomes a 503 problem with Retry-After. */
    static final class CalibrationsBusyException extends ProblemException {
        static final ProblemType KIND = new ProblemType("calibrations-busy", 503, "Too many long runs");

        CalibrationsBusyException(int places) {
            super(KIND, "the service already runs or queues " + places + " impact runs and calibrations; try again "
                    + "when one has finished");
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "30");
            return headers;
        }
    }
}
