package org.beacon.service.replay;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** No stored replay has this id, or its result files are gone. Becomes a 404 problem. */
public final class ReplayNotFoundException extends ProblemException {

    static final ProblemType KIND = new ProblemType("replay-not-found", 404, "Replay not found");

    private ReplayNotFoundException(String message) {
        super(KIND, message);
    }

    static ReplayNotFoundException noSuchId(String id) {
        return new ReplayNotFoundException("no replay has the id " + id + "; GET /replays lists them");
    }

    static ReplayNotFoundException noFile(String id, String file) {
        return new ReplayNotFoundException("replay " + id + " is done but its " + file + " is not in this "
                + "instance's beacon.data-dir");
    }
}
