package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's sign-in form and HTTP Basic count refused passwords in one window: switching gains a guesser nothing.
 * A limit of its own (4), so that this application is not the one {@link FailedLoginThrottleTest} has just throttled.
 */
@ServiceTest
@TestPropertySource(properties = "beacon.security.failed-logins-per-minute=4")
class ConsoleSignInThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void refusedSignInsOfTheFormAndOfBasicCountTogether() {
        Http platform = new Http(port, users.caller());
        assertThat(platform.get("/users/me").status()).as("proven before the guessing").isEqualTo(200);
        ConsoleSession guesser = new ConsoleSession(port);
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.signIn("admin", "guess-" + i).headers().firstValue("Location")).hasValueSatisfying(l ->
                    assertThat(l).endsWith("/console/sign-in?error"));
        }
        assertThat(new Http(port, new Http.Credentials("admin", "guess")).get("/users/me").status()).isEqualTo(401);
        assertThat(new Http(port, new Http.Credentials("admin", "guess")).get("/users/me").status())
                .as("three refusals by the form and one by Basic").isEqualTo(429);
        assertThat(guesser.signIn(users.admin().username(), users.admin().password()).headers()
                .firstValue("Location")).as("a right password not yet proven waits too")
                .hasValueSatisfying(l -> assertThat(l).matches(".*/console/sign-in\\?throttled=\\d+"));
        assertThat(new ConsoleSession(port).signIn(users.caller().username(), users.caller().password()).headers()
                .firstValue("Location")).as("a password already proven by Basic still signs in")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        assertThat(platform.get("/users/me").status()).isEqualTo(200);
    }
}
