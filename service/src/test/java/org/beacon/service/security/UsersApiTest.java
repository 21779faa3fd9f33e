package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An admin manages users over HTTP; every change is in force at the next request. */
@ServiceTest
class UsersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    private Http admin() {
        return new Http(port, users.admin());
    }

    private String situation() throws Exception {
        return Files.readString(Workbooks.root().resolve("examples/requests/cholera-county-12.json"));
    }

    private Http.Credentials create(String name, String role) {
        Http.Response r = admin().postJson("/users", "{\"username\":\"" + name + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Http.Credentials(name, r.json().at("/password").asString());
    }

    private Http.Response patch(String name, String body) {
        return admin().patchJson("/users/" + name, body);
    }

    private Http.Response delete(String name) {
        return admin().delete("/users/" + name);
    }

    @Test
    void aCreatedUserSignsInWithTheGeneratedPasswordAndHasOnlyTheirRole() throws Exception {
        Http.Response r = admin().postJson("/users", "{\"username\":\"platform-a\",\"roles\":[\"caller\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/users/platform-a");
        String password = r.json().at("/password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        Http platform = new Http(port, new Http.Credentials("platform-a", password));
        assertThat(platform.postJson("/evaluations", situation()).status()).isEqualTo(200);
        assertThat(platform.get("/users/me").json().at("/roles/0").asString()).isEqualTo("caller");
        assertThat(platform.get("/evaluations").status()).isEqualTo(403);
        assertThat(admin().get("/users/platform-a").json().at("/createdBy").asString()).isEqualTo("admin");
    }

    @Test
    void aChosenPasswordIsNeverEchoedAndOnlyItsHashIsStored() {
        String chosen = "a-long-enough-password-" + System.nanoTime();
        Http.Response r = admin().postJson("/users", "{\"username\":\"chosen\",\"roles\":[\"reviewer\"],"
                + "\"password\":\"" + chosen + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(chosen);
        assertThat(r.json().at("/password").isNull()).isTrue();
        String stored = jdbc.queryForObject("select password_hash from beacon_user where username = 'chosen'",
                String.class);
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(chosen);
        assertThat(new Http(port, new Http.Credentials("chosen", chosen)).get("/evaluations").status()).isEqualTo(200);
        assertThat(admin().get("/users").body()).doesNotContain("{bcrypt}").doesNotContain("passwordHash");
    }

    @Test
    void removingDisablingOrResettingAUserStopsTheirOldCredentialsAtOnce() throws Exception {
        Http.Credentials gone = create("gone", "caller");
        Http.Credentials off = create("off", "caller");
        Http.Credentials reset = create("reset", "caller");
        for (Http.Credentials c : new Http.Credentials[] {gone, off, reset}) {
            // signed in once, so the check is remembered: the change must still take effect at once
            assertThat(new Http(port, c).postJson("/evaluations", situation()).status()).isEqualTo(200);
        }
        assertThat(delete("gone").status()).isEqualTo(204);
        assertThat(patch("off", "{\"enabled\":false}").status()).isEqualTo(200);
        Http.Response newPassword = admin().postJson("/users/reset/password", "");
        assertThat(newPassword.status()).isEqualTo(200);

        assertThat(new Http(port, gone).postJson("/evaluations", situation()).status()).isEqualTo(401);
        assertThat(new Http(port, off).postJson("/evaluations", situation()).status()).isEqualTo(401);
        assertThat(new Http(port, reset).postJson("/evaluations", situation()).status()).isEqualTo(401);
        assertThat(new Http(port, new Http.Credentials("reset", newPassword.json().at("/password").asString()))
                .postJson("/evaluations", situation()).status()).isEqualTo(200);
        assertThat(admin().get("/users/gone").status()).isEqualTo(404);
    }

    @Test
    void aNewRoleIsInForceAtTheNextRequest() {
        Http.Credentials promoted = create("promoted", "caller");
        assertThat(new Http(port, promoted).get("/evaluations").status()).isEqualTo(403);
        Http.Response r = patch("promoted", "{\"roles\":[\"reviewer\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/changedBy").asString()).isEqualTo("admin");
        assertThat(new Http(port, promoted).get("/evaluations").status()).isEqualTo(200);
    }

    @Test
    void everyUserMayChangeTheirOwnPassword() {
        Http.Credentials before = create("changes-own", "caller");
        String chosen = "my-own-new-password-" + System.nanoTime();
        Http.Response r = new Http(port, before).postJson("/users/me/password", "{\"password\":\"" + chosen + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(new Http(port, before).get("/users/me").status()).isEqualTo(401);
        assertThat(new Http(port, new Http.Credentials("changes-own", chosen)).get("/users/me").status())
                .isEqualTo(200);
    }

    @Test
    void theLastEnabledAdminCanNeitherBeRemovedNorDemotedNorDisabled() {
        assertThat(admin().get("/users").json().valueStream()
                .filter(u -> u.at("/roles").valueStream().anyMatch(r -> r.asString().equals("admin"))).count())
                .as("only the test admin").isEqualTo(1);
        for (Http.Response r : new Http.Response[] {delete("admin"), patch("admin", "{\"roles\":[\"editor\"]}"),
                patch("admin", "{\"enabled\":false}")}) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:user-conflict");
        }
        create("second-admin", "admin");
        assertThat(delete("second-admin").status()).as("another admin remains").isEqualTo(204);
        assertThat(admin().get("/users/me").status()).isEqualTo(200);
    }

    @Test
    void refusesInvalidUsersWithPointersAndStoresNothing() {
        int before = admin().get("/users").json().size();
        String[][] cases = {
            {"{\"username\":\"bad name\",\"roles\":[\"caller\"]}", "/username"},
            {"{\"username\":\"me\",\"roles\":[\"caller\"]}", "/username"},
            {"{\"username\":\"x\",\"roles\":[\"root\"]}", "/roles/0"},
            {"{\"username\":\"x\",\"roles\":[]}", "/roles"},
            {"{\"username\":\"x\",\"roles\":[\"caller\"],\"password\":\"short\"}", "/password"},
            {"{\"username\":\"x\",\"roles\":[\"caller\"],\"password\":\"" + "é".repeat(40) + "\"}", "/password"},
        };
        for (String[] c : cases) {
            Http.Response r = admin().postJson("/users", c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.json().at("/errors/0/pointer").asString()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(admin().postJson("/users", "{\"username\":\"caller\",\"roles\":[\"caller\"]}").status())
                .as("taken").isEqualTo(409);
        assertThat(admin().get("/users/nobody").status()).isEqualTo(404);
        assertThat(admin().get("/users").json().size()).isEqualTo(before);
    }
}
