package org.beacon.rules.replay;

import java.util.List;

/** Replay input that cannot be replayed: every error found, each located. Nothing was replayed. */
public final class ReplayInputException extends RuntimeException {

    private final transient List<DataIssue> issues;

    public ReplayInputException(List<DataIssue> issues) {
        super(issues.stream().limit(5).map(DataIssue::toString).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.issues = List.copyOf(issues);
    }

    public List<DataIssue> issues() {
        return issues;
    }
}
