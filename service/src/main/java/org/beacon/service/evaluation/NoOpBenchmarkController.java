package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline: reads the same request body as {@code POST /evaluations} and answers at once, without
 * evaluating or auditing. Exists only when {@code beacon.benchmark.noop-endpoint=true}.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "beacon.benchmark.noop-endpoint", havingValue = "true")
class NoOpBenchmarkController {

    @PostMapping(path = "/benchmark/noop", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> noop(@RequestBody EvaluationRequest request) {
        return Map.of("eventType", String.valueOf(request.eventType()));
    }
}
