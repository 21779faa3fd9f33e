package org.beacon.service.replay;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The replays queued or running now, on any instance, read from the replay store: for the console's home page. */
@Component
public class RunningReplays {

    /** Shown at most: more are rare, and their list is at {@code GET /replays}. */
    static final int LIMIT = 10;

    /** @param status {@code queued} or {@code running} */
    public record Running(UUID id, Instant createdAt, String caller, String status, String timelineName,
            long stepsTotal, long stepsDone) {

        /** How far it got, 0 to 100. */
        public int percent() {
            return stepsTotal <= 0 ? 0 : (int) Math.min(100, stepsDone * 100 / stepsTotal);
        }
    }

    private final ReplayStore store;

    RunningReplays(ReplayStore store) {
        this.store = store;
    }

    public List<Running> list() {
        return store.unfinished(LIMIT).stream().map(r -> new Running(r.id(), r.createdAt(), r.caller(), r.status(),
                r.timelineName(), r.stepsTotal(), r.stepsDone())).toList();
    }
}
