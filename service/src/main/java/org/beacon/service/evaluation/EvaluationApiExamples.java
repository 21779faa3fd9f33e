package org.beacon.service.evaluation;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.web.InvalidRequestException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document's description, with the requests of {@code examples/requests/} (packaged into the service)
 * as request examples of {@code POST /evaluations}, and as response examples the decisions the rule set in force
 * makes for them at start-up (not audited), so the documentation shows what the tables really answer.
 */
@Configuration
class EvaluationApiExamples {

    @Bean
    OpenAPI beaconOpenApi() {
        return new OpenAPI().info(new Info().title("Beacon").version("1")
                .description("Decision support for public-health emergencies: decides situations against expert "
                        + "decision tables (response grade Ⅰ–Ⅳ, warning colour, actions) and explains which rows "
                        + "fired with which values. Errors are application/problem+json (RFC 9457). Every call but "
                        + "the documentation and /actuator/health and /actuator/info needs HTTP Basic credentials; "
                        + "the roles are caller (evaluate), reviewer (audit, versions, replays), editor (upload rule "
                        + "sets) and admin (activate, roll back, users), each including the ones before it."))
                .components(new io.swagger.v3.oas.models.Components().addSecuritySchemes("basic",
                        new io.swagger.v3.oas.models.security.SecurityScheme()
                                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer evaluationExamples(JsonMapper json, RuleSetRegistry registry) {
        Map<String, Example> requests = load(json);
        return openApi -> {
            Map<String, Example> responses = decisions(json, registry.current(), requests);
            var path = openApi.getPaths() == null ? null : openApi.getPaths().get("/evaluations");
            if (path == null || path.getPost() == null || path.getPost().getRequestBody() == null) {
                return;
            }
            MediaType body = path.getPost().getRequestBody().getContent().get(JSON);
            if (body != null) {
                requests.forEach(body::addExamples);
            }
            var ok = path.getPost().getResponses() == null ? null : path.getPost().getResponses().get("200");
            Content content = ok == null ? null : ok.getContent();
            MediaType answer = content == null ? null : content.get(JSON);
            if (answer != null) {
                responses.forEach(answer::addExamples);
            }
        };
    }

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    /** The example whose answer is also shown with its margins. */
    private static final String MARGINS_EXAMPLE = "cholera-county-12";

    /** What the rule set in force answers to each example; examples its dictionary does not accept are left out. */
    private static Map<String, Example> decisions(JsonMapper json, CompiledRuleSet current,
            Map<String, Example> requests) {
        Map<String, Example> responses = new LinkedHashMap<>();
        requests.forEach((name, example) -> {
            try {
                EvaluationRequest request = json.convertValue(example.getValue(), EvaluationRequest.class);
                CheckedSituation situation = SituationMapper.toSituation(request, current, "", new AnswerErrors());
                org.beacon.rules.decision.Decision decided = current.evaluate(situation, true);
                EvaluationResponse decision = DecisionView.of(UUID.nameUUIDFromBytes(name.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), Instant.parse("2026-07-01T08:00:00Z"),
                        situation.situation(), decided, true);
                responses.put(name, new Example().summary(example.getSummary()).value(json.convertValue(decision,
                        Map.class)));
                if (name.equals(MARGINS_EXAMPLE)) {
                    responses.put(name + "-margins", new Example().summary(example.getSummary() + ", ?margins=true")
                            .value(json.convertValue(decision.withMargins(MarginsView.of(current.margins(situation,
                                    decided))), Map.class)));
                }
            } catch (InvalidRequestException e) {
                // this example does not fit the tables now in force; the docs show the others
            }
        });
        return responses;
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
