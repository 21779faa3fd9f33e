package org.beacon.service.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beacon.service.evaluation.EvaluationRequest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example situations bundled with the service ({@code examples/requests/*.json}, packaged into the jar), which
 * the "try a decision" form can start from. Read once at start-up; immutable.
 */
@Component
class ExampleSituations {

    /** @param name the file name without {@code .json}: {@code cholera-county-12} */
    record Example(String name, EvaluationRequest request, String json) {
    }

    private final Map<String, Example> byName = new LinkedHashMap<>();

    ExampleSituations(JsonMapper json) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:examples/requests/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                    String name = r.getFilename().replace(".json", "");
                    byName.put(name, new Example(name, json.readValue(text, EvaluationRequest.class), text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged request examples", e);
        }
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    Optional<Example> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }
}
