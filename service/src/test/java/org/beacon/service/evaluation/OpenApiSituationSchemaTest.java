package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The request schema of POST /evaluations in /v3/api-docs is the situation schema of the version in force, and
 * follows an activation. A context of its own: it activates a version the other tests do not expect.
 */
@ServiceTest
@TestPropertySource(properties = "beacon.test.context=openapi-situation-schema")
@DirtiesContext
class OpenApiSituationSchemaTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private JsonNode requestSchema() {
        Http.Response r = new Http(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        return r.json().at("/components/schemas/EvaluationRequest");
    }

    @Test
    void namesTheIndicatorsOfTheVersionInForceWithTheirTypesAndBoundsAndFollowsAnActivation() {
        Http admin = new Http(port, users.admin());
        JsonNode cases = admin.get("/indicators").json().valueStream()
                .filter(i -> i.at("/name").asString().equals("cases")).findFirst().orElseThrow();
        JsonNode documented = requestSchema().at("/properties/indicators/properties/cases");
        assertThat(documented.at("/type").toString()).contains("integer");
        assertThat(documented.at("/minimum").decimalValue()).isEqualByComparingTo(cases.at("/min").decimalValue());
        assertThat(documented.at("/maximum").decimalValue()).isEqualByComparingTo(cases.at("/max").decimalValue());
        assertThat(requestSchema().at("/description").asString()).contains("v1", "/indicators/schema");
        assertThat(requestSchema().at("/properties/indicators/properties/fluWardShare").isMissingNode()).isTrue();

        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Min", "Max")
                .row("eventType", "enum", "flu", null, null)
                .row("fluWardShare", "decimal", null, 0, 100);
        b.sheet("Flu").row("Table").row("Hit policy", "highest grade").row("Gaps", "expected").blank()
                .row("IF fluWardShare", "THEN grade").row("≥5", "Ⅳ");
        Http.Response upload = admin.postFiles("/rule-sets", Map.of("replace", "all", "comment", "flu alone"),
                Map.of("flu.xlsx", b.bytes()));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String draft = upload.json().at("/id").asString();
        assertThat(requestSchema().at("/properties/indicators/properties/fluWardShare").isMissingNode())
                .as("a draft is not in force").isTrue();

        Http.Response activated = admin.postJson("/rule-sets/" + draft + "/activation", "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        JsonNode after = requestSchema();
        JsonNode ward = after.at("/properties/indicators/properties/fluWardShare");
        assertThat(ward.at("/type").toString()).contains("number");
        assertThat(ward.at("/maximum").decimalValue()).isEqualByComparingTo("100");
        assertThat(after.at("/properties/indicators/properties/cases").isMissingNode()).isTrue();
        List<String> eventTypes = new ArrayList<>();
        after.at("/properties/eventType/enum").forEach(e -> eventTypes.add(e.asString()));
        assertThat(eventTypes).containsExactly("flu");
        assertThat(after.at("/description").asString()).contains(draft);
    }
}
