package org.beacon.service.replay;

/** No stored replay has this id, or its result files are gone. Becomes a 404 problem. */
public final class ReplayNotFoundException extends RuntimeException {

    private ReplayNotFoundException(String message) {
        super(message);
    }

    static ReplayNotFoundException noSuchId(String id) {
        return new ReplayNotFoundException("no replay has the id " + id + "; GET /replays lists them");
    }

    static ReplayNotFoundException noFile(String id, String file) {
        return new ReplayNotFoundException("replay " + id + " is done but its " + file + " is not in this "
                + "instance's beacon.data-dir");
    }
}
