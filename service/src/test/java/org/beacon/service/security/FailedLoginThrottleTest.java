package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Guessing passwords from one address is stopped after a few refusals, before any further bcrypt check. */
@ServiceTest
@TestPropertySource(properties = "beacon.security.failed-logins-per-minute=3")
class FailedLoginThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void anAddressWhoseCredentialsWereRefusedThreeTimesWaitsUntilTheMinuteIsOver() {
        Http platform = new Http(port, users.caller());
        assertThat(platform.get("/users/me").status()).as("signed in before the guessing").isEqualTo(200);
        Http guesser = new Http(port, new Http.Credentials("admin", "guess"));
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get("/users/me").status()).isEqualTo(401);
        }
        Http.Response blocked = guesser.get("/users/me");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.contentType()).isEqualTo("application/problem+json");
        assertThat(blocked.json().at("/type").asString()).isEqualTo("urn:beacon:problem:too-many-failed-logins");
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 61);

        Http rightPassword = new Http(port, users.admin());
        assertThat(rightPassword.get("/users/me").status()).as("a password not yet proven waits: it could be a guess")
                .isEqualTo(429);
        assertThat(platform.get("/users/me").status()).as("proven credentials from the same address still pass")
                .isEqualTo(200);
        assertThat(new Http(port).get("/actuator/health").status()).as("calls without credentials are not guesses")
                .isEqualTo(200);
    }
}
