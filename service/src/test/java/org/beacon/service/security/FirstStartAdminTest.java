package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.Workbooks;
import org.beacon.service.BeaconApplication;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** No credential is shipped: the first start creates the admin and prints its password once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdminTest {

    private static final Pattern PRINTED = Pattern.compile("with the password\\s+(\\S+)");

    private final String dataDir = "./target/first-start-test-" + System.nanoTime();

    private ConfigurableApplicationContext start(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--beacon.data-dir=" + dataDir;
        args[2] = "--beacon.tables-dir=" + Workbooks.root().resolve("tables");
        System.arraycopy(more, 0, args, 3, more.length);
        return new SpringApplicationBuilder(BeaconApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void theFirstStartPrintsAGeneratedAdminPasswordOnceAndItWorks(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher m = PRINTED.matcher(output.getOut());
            assertThat(m.find()).as("the password is printed").isTrue();
            password = m.group(1);
            assertThat(m.find()).as("printed once").isFalse();
            Http admin = new Http(port(first), new Http.Credentials("admin", password));
            assertThat(admin.get("/users/me").json().at("/roles/0").asString()).isEqualTo("admin");
            assertThat(admin.get("/users").status()).isEqualTo(200);
        }
        int printedBefore = output.getOut().split("No users yet", -1).length;
        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut().split("No users yet", -1).length).as("not again after a restart")
                    .isEqualTo(printedBefore);
            Http admin = new Http(port(second), new Http.Credentials("admin", password));
            assertThat(admin.get("/users").status()).as("the same password after a restart").isEqualTo(200);
        }
    }

    @Test
    void aConfiguredFirstPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
        String configured = "configured-" + System.nanoTime();
        try (ConfigurableApplicationContext app = start("--beacon.security.initial-admin-password=" + configured)) {
            assertThat(output.getAll()).doesNotContain(configured);
            assertThat(new Http(port(app), new Http.Credentials("admin", configured)).get("/users").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aConfiguredFirstPasswordThatIsTooShortStopsTheStart() {
        assertThatThrownBy(() -> start("--beacon.security.initial-admin-password=short").close())
                .hasStackTraceContaining("beacon.security.initial-admin-password must be at least 12 characters");
    }
}
