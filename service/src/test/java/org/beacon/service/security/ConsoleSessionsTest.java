package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A console session against the running service: it may use the API's URLs under its user's roles, never gets a
 * session from the API, needs its CSRF token for changes, and follows its user: other roles at once, a new password
 * or a disabled user end it. HTTP Basic is not affected by a session cookie sent beside it.
 */
@ServiceTest
class ConsoleSessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    /** Users this test made, removed after each test: other tests of this application count the users. */
    private final List<String> made = new ArrayList<>();

    private Http admin() {
        return new Http(port, users.admin());
    }

    private String newUser(String role) {
        String name = "session-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = admin().postJson("/users", "{\"username\":\"" + name + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        made.add(name);
        return name + "\n" + r.json().at("/password").asString();
    }

    @AfterEach
    void removeTheUsersMade() {
        made.forEach(name -> assertThat(admin().delete("/users/" + name).status()).isEqualTo(204));
        made.clear();
    }

    @Test
    void aSessionUsesTheApiUnderItsRolesWithoutGettingAnApiSession() {
        String[] user = newUser("reviewer").split("\n");
        ConsoleSession browser = new ConsoleSession(port);
        HttpResponse<String> signedIn = browser.signIn(user[0], user[1]);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/console"));

        HttpResponse<String> versions = browser.get("/rule-sets");
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(versions.body()).contains("\"id\":\"v1\"");
        assertThat(versions.headers().firstValue("Set-Cookie")).as("the API makes no session").isEmpty();
        HttpResponse<String> users = browser.get("/users");
        assertThat(users.statusCode()).as("an admin's URL").isEqualTo(403);
        assertThat(users.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aChangeWithASessionNeedsTheCsrfTokenOfItsPages() {
        ConsoleSession browser = new ConsoleSession(port);
        browser.signIn(users.admin().username(), users.admin().password());
        HttpResponse<String> without = browser.post("/rule-sets/v999/activation", false);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("CSRF token");
        assertThat(browser.post("/rule-sets/v999/activation", true).statusCode()).as("passed, to an unknown version")
                .isEqualTo(404);
    }

    @Test
    void aSessionFollowsItsUsersRolesAndEndsWithANewPasswordOrADisabledUser() {
        String[] user = newUser("reviewer").split("\n");
        ConsoleSession browser = new ConsoleSession(port);
        browser.signIn(user[0], user[1]);
        assertThat(browser.get("/console/rule-sets").statusCode()).isEqualTo(200);

        assertThat(admin().patchJson("/users/" + user[0], "{\"roles\":[\"caller\"]}").status()).isEqualTo(200);
        assertThat(browser.get("/console/rule-sets").statusCode()).as("now a caller").isEqualTo(403);
        assertThat(browser.get("/rule-sets").statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);

        Http.Response reset = admin().postJson("/users/" + user[0] + "/password", "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(browser.get("/console").headers().firstValue("Location")).as("a new password ends the session")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/sign-in?expired"));

        ConsoleSession again = new ConsoleSession(port);
        again.signIn(user[0], reset.json().at("/password").asString());
        assertThat(again.get("/console").statusCode()).isEqualTo(200);
        assertThat(admin().patchJson("/users/" + user[0], "{\"enabled\":false}").status()).isEqualTo(200);
        HttpResponse<String> api = again.get("/indicators");
        assertThat(api.statusCode()).as("a disabled user's session ends").isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).as("no password prompt in a browser").isEmpty();
        assertThat(again.signIn(user[0], reset.json().at("/password").asString()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/sign-in?error"));
    }

    @Test
    void basicCredentialsBesideASessionCookieAreCheckedAsBefore() {
        ConsoleSession browser = new ConsoleSession(port);
        browser.signIn(users.admin().username(), users.admin().password());
        HttpResponse<String> wrong = browser.getWithBasic("/users", users.admin().username(), "not-the-password");
        assertThat(wrong.statusCode()).as("the session does not stand in for a wrong password").isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(browser.getWithBasic("/users", users.caller().username(), users.caller().password())
                .statusCode()).as("Basic decides who calls, not the session").isEqualTo(403);
    }
}
