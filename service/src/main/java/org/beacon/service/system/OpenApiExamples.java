package org.beacon.service.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document's description, with the request examples of {@code examples/requests/} (packaged into the
 * service) offered as examples of {@code POST /evaluations}, so the docs show the same situations the tests use.
 */
@Configuration
class OpenApiExamples {

    @Bean
    OpenAPI beaconOpenApi() {
        return new OpenAPI().info(new Info().title("Beacon").version("1")
                .description("Decision support for public-health emergencies: decides situations against expert "
                        + "decision tables (response grade Ⅰ–Ⅳ, warning colour, actions) and explains which rows "
                        + "fired with which values. Errors are application/problem+json (RFC 9457)."));
    }

    @Bean
    OpenApiCustomizer requestExamples(JsonMapper json) {
        Map<String, Example> examples = load(json);
        return openApi -> {
            var path = openApi.getPaths() == null ? null : openApi.getPaths().get("/evaluations");
            if (path == null || path.getPost() == null || path.getPost().getRequestBody() == null) {
                return;
            }
            Content content = path.getPost().getRequestBody().getContent();
            MediaType media = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
            if (media != null) {
                examples.forEach(media::addExamples);
            }
        };
    }

    private static Map<String, Example> load(JsonMapper json) {
        Map<String, Example> examples = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:examples/requests/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    String name = r.getFilename().replace(".json", "");
                    examples.put(name, new Example().summary(name.replace('-', ' '))
                            .value(json.readValue(in, Map.class)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged request examples", e);
        }
        return examples;
    }
}
