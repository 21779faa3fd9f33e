package org.beacon.service.replay;

import java.util.List;
import java.util.Map;
import org.beacon.rules.replay.DataIssue;
import org.beacon.service.web.ProblemException;
import org.beacon.service.web.Problems;
import org.springframework.http.ProblemDetail;

/**
 * A timeline or actual-decisions file that cannot be replayed. Becomes a 400 problem listing every error with its
 * file, line and column ({@code errors: [{pointer, code, detail}]}).
 */
public final class InvalidReplayInputException extends ProblemException {

    private final transient List<DataIssue> issues;

    public InvalidReplayInputException(List<DataIssue> issues) {
        super(Problems.INVALID_REQUEST, issues.size() == 1 ? issues.get(0).detail()
                : issues.size() + " problems in the replay's input; see errors");
        this.issues = List.copyOf(issues);
    }

    /** Each error with its file and line, and its words in either language ({@link DataIssue#detail(java.util.Locale)}). */
    public List<DataIssue> issues() {
        return issues;
    }

    @Override
    protected void addMembers(ProblemDetail problem) {
        problem.setProperty("errors", issues.stream().map(i -> Map.of("pointer", i.where(), "code", i.code(),
                "detail", i.detail())).toList());
    }
}
