package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.file.Path;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * User names are unique ignoring case. Users made before that (ops and OPS) are named at start and keep working, so
 * that a start never locks anyone out.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseVariantUsersTest {

    private final Path dataDir = Path.of("target", "case-variant-users-" + System.nanoTime()).toAbsolutePath();

    private ConfigurableApplicationContext start() {
        return TestApps.start("--beacon.data-dir=" + dataDir, "--beacon.tables-dir="
                + Workbooks.root().resolve("tables"));
    }

    @Test
    void usersThatDifferOnlyInCaseAreNamedAtStartAndKeepWorkingButNoNewOneIsMade(CapturedOutput output)
            throws Exception {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Http admin = TestApps.http(first);
            Http.Response created = admin.postJson("/users", "{\"username\":\"ops\",\"roles\":[\"reviewer\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            password = created.json().at("/password").asString();
            assertThat(admin.postJson("/users", "{\"username\":\"OPS\",\"roles\":[\"admin\"]}").status())
                    .as("refused by the service itself").isEqualTo(409);
        }
        // as an older Beacon, which compared names exactly, could have left it
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("beacon"), "sa", "");
                PreparedStatement copy = db.prepareStatement("insert into beacon_user select 'OPS', password_hash, "
                        + "roles, enabled, created_at, created_by, changed_at, changed_by from beacon_user where "
                        + "username = 'ops'")) {
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut()).contains("users [OPS, ops] differ only in case");
            Http admin = TestApps.http(second);
            assertThat(admin.get("/users").body()).contains("\"username\":\"OPS\"", "\"username\":\"ops\"");
            assertThat(admin.as(new Http.Credentials("ops", password)).get("/users/me").status()).isEqualTo(200);
            assertThat(admin.as(new Http.Credentials("OPS", password)).get("/users/me").status()).isEqualTo(200);
            Http.Response third = admin.postJson("/users", "{\"username\":\"Ops\",\"roles\":[\"caller\"]}");
            assertThat(third.status()).as(third.body()).isEqualTo(409);
            assertThat(third.json().at("/detail").asString()).contains("ignoring case");
        }
    }
}
