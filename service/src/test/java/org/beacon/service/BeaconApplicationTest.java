package org.beacon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts on the bundled tables and reports the rule set it loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BeaconApplicationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tables(DynamicPropertyRegistry registry) {
        registry.add("beacon.tables-dir", () -> Workbooks.root().resolve("tables").toString());
    }

    @Test
    void startsAndReportsTheLoadedRuleSetInItsHealth() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/ruleSet")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").containsPattern("\"id\":\"sha256:[0-9a-f]{12}\"")
                .contains("\"tables\":12");
    }
}
