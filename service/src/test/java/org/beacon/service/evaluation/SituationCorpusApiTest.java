package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API refuses each situation of {@code examples/invalid-situations/corpus.json} at exactly the pointers listed
 * there, as {@code beacon evaluate} does ({@code SituationCorpusCommandTest}); {@code GET /indicators/schema} and the
 * OpenAPI document say what is required.
 */
@ServiceTest
class SituationCorpusApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http http() {
        return new Http(port, users.admin());
    }

    @TestFactory
    Stream<DynamicTest> refusesEachSituationOfTheCorpusAtItsPointers() throws Exception {
        JsonNode corpus = JsonMapper.builder().build().readTree(Files.readString(
                Workbooks.root().resolve("examples/invalid-situations/corpus.json")));
        List<JsonNode> entries = new ArrayList<>();
        corpus.forEach(entries::add);
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.at("/name").asString(), () -> {
            Http.Response r = http().postJson("/evaluations", entry.at("/situation").toString());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            List<String> pointers = new ArrayList<>();
            r.json().at("/errors").forEach(e -> pointers.add(e.at("/pointer").asString()));
            List<String> expected = new ArrayList<>();
            entry.at("/problems").forEach(p -> expected.add(p.asString()));
            assertThat(pointers).as(r.body()).containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void theSchemaOfTheVersionInForceRequiresARegionCodeAndListsEachIndicator() {
        Http.Response r = http().get("/indicators/schema");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode schema = r.json();
        assertThat(schema.at("/required").toString()).isEqualTo("[\"eventType\",\"region\"]");
        assertThat(schema.at("/properties/region/required").toString()).isEqualTo("[\"code\"]");
        assertThat(schema.at("/properties/indicators/properties/cases/minimum").asInt()).isZero();
        assertThat(schema.at("/title").asString()).startsWith("A situation for rule set ");
    }

    @Test
    void theSchemaOfAVersionThereIsNotIsNotFound() {
        Http.Response r = http().get("/indicators/schema?ruleSet=v999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void theOpenApiRequestSchemaMarksTheRegionCodeRequired() {
        JsonNode doc = new Http(port).get("/v3/api-docs").json();
        assertThat(doc.at("/components/schemas/RegionRequest/required").toString()).contains("\"code\"");
        assertThat(doc.at("/components/schemas/EvaluationRequest/description").asString())
                .contains("/indicators/schema");
    }
}
