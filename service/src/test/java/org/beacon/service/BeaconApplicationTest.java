package org.beacon.service;

import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Workbooks;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts on the bundled tables and reports what it loaded through actuator and OpenAPI. */
@ServiceTest
class BeaconApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void reportsTheLoadedRuleSetInItsHealth() {
        int expectedTables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root().resolve("tables")))
                .ruleSet().orElseThrow().tables().size();
        Http.Response r = new Http(port, users.admin()).get("/actuator/health/ruleSet");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"id\":\"v1\"")
                .contains("\"tables\":" + expectedTables);
    }

    @Test
    void reportsVersionAndRuleSetHashInItsInfo() {
        Http.Response r = new Http(port, users.admin()).get("/actuator/info");
        assertThat(r.json().at("/build/version").asString()).isNotBlank();
        assertThat(r.json().at("/ruleSet/contentHash").asString()).hasSize(64);
    }

    @Test
    void exposesEvaluationMetricsForPrometheus() {
        Http http = new Http(port, users.admin());
        http.postJson("/evaluations", "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\"},"
                + "\"indicators\":{\"cases\":0}}");
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("beacon_evaluations_total\\{outcome=\"no_match\"} [1-9]")
                .contains("beacon_evaluation_requests_seconds_bucket");
    }

    @Test
    void documentsTheApiWithTheExampleRequestsAndTheirDecisions() {
        Http.Response r = new Http(port, users.admin()).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        var paths = r.json().get("paths");
        assertThat(paths.has("/evaluations")).isTrue();
        assertThat(paths.has("/evaluations/batch")).isTrue();
        assertThat(paths.has("/evaluations/{id}")).isTrue();
        assertThat(paths.has("/indicators")).isTrue();
        assertThat(paths.at("/~1evaluations/post/requestBody/content/application~1json/examples/cholera-county-12"
                + "/value/eventType").asString()).isEqualTo("cholera");
        assertThat(paths.at("/~1evaluations/post/responses/200/content/application~1json/examples/cholera-county-12"
                + "/value/grade/numeral").asString()).isEqualTo("Ⅲ");
        assertThat(new Http(port, users.admin()).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
