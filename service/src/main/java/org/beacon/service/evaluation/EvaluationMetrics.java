package org.beacon.service.evaluation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Evaluation counters and latency for Prometheus: {@code beacon_evaluations_total{outcome}} gives evaluations per
 * second (its rate) and the no-match count; {@code beacon_evaluation_requests_seconds} is a latency histogram.
 */
@Component
class EvaluationMetrics {

    private final Counter graded;
    private final Counter noMatch;
    private final Counter invalid;
    private final Timer single;
    private final Timer batch;

    EvaluationMetrics(MeterRegistry registry) {
        graded = counter(registry, "decided");
        noMatch = counter(registry, "no_match");
        invalid = counter(registry, "invalid");
        single = timer(registry, "single");
        batch = timer(registry, "batch");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("beacon.evaluations").description("situations evaluated, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String endpoint) {
        return Timer.builder("beacon.evaluation.requests").description("evaluation requests, audit included")
                .tag("endpoint", endpoint).publishPercentileHistogram().register(registry);
    }

    void decided(boolean matched) {
        (matched ? graded : noMatch).increment();
    }

    void invalid() {
        invalid.increment();
    }

    Timer single() {
        return single;
    }

    Timer batch() {
        return batch;
    }
}
