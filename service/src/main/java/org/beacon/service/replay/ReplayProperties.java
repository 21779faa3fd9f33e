package org.beacon.service.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replay settings ({@code beacon.replays.*}).
 *
 * @param concurrentRuns runs executing at the same time
 * @param queueSize runs waiting for a turn; beyond that {@code POST /replays} answers 503
 * @param threadsPerRun regions decided in parallel within one run; 0 shares the processors between the runs
 * @param chartedRegions regions that get a chart sheet in the report
 * @param heartbeatInterval how often an instance says its runs are alive
 * @param staleAfter a queued or running run whose instance has been silent this long is marked failed (its own
 *     instance, restarted on the same data folder, marks it failed at once)
 */
@ConfigurationProperties("beacon.replays")
public record ReplayProperties(@DefaultValue("2") int concurrentRuns, @DefaultValue("8") int queueSize,
        @DefaultValue("0") int threadsPerRun, @DefaultValue("10") int chartedRegions,
        @DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("60s") Duration staleAfter) {

    public ReplayProperties {
        if (concurrentRuns < 1 || queueSize < 0) {
            throw new IllegalArgumentException("beacon.replays.concurrent-runs must be at least 1 and "
                    + "beacon.replays.queue-size at least 0");
        }
    }

    int threads() {
        return threadsPerRun > 0 ? threadsPerRun
                : Math.max(1, Runtime.getRuntime().availableProcessors() / concurrentRuns);
    }
}
