package org.beacon.service.evaluation;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request schema of {@code POST /evaluations} (and of each item of a batch, which refers to it) in
 * {@code /v3/api-docs}: the situation schema generated from the Dictionary of the version in force, the same as
 * {@code GET /indicators/schema}, so a client generated from the document knows each indicator's type and bounds.
 * Built on each request of the document ({@code springdoc.cache.disabled}), so activating another version changes
 * it at once.
 */
@Configuration
class SituationSchemaInOpenApi {

    /** The component both requests refer to. */
    static final String COMPONENT = "EvaluationRequest";

    @Bean
    OpenApiCustomizer situationSchemaOfTheVersionInForce(RuleSetRegistry registry) {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                    || !openApi.getComponents().getSchemas().containsKey(COMPONENT)) {
                return;
            }
            var current = registry.current();
            Map<String, Object> generated = new LinkedHashMap<>(current.situationSchema());
            generated.remove("$schema"); // the document's own dialect applies inside it
            generated.put("description", "A situation to decide, as the version in force (" + current.id()
                    + ") takes it; " + generated.get("description") + " The schema of another version is GET "
                    + "/indicators/schema?ruleSet=<id>.");
            Schema<?> schema = Json31.mapper().convertValue(generated, Schema.class);
            openApi.getComponents().getSchemas().put(COMPONENT, schema);
        };
    }
}
