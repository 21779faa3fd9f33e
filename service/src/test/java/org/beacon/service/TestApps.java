package org.beacon.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Applications a test starts and stops itself (restarts, two instances, PostgreSQL, child processes): on a random
 * port, with the first admin's password chosen at random for this test run.
 */
public final class TestApps {

    /** The first admin of every database these applications create. */
    public static final Http.Credentials ADMIN = new Http.Credentials("admin", "admin-" + UUID.randomUUID());

    private TestApps() {
    }

    /** The arguments every started application gets before its own. */
    public static List<String> arguments(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--beacon.security.initial-admin-password=" + ADMIN.password()));
        all.addAll(List.of(args));
        return all;
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(BeaconApplication.class).run(arguments(args).toArray(String[]::new));
    }

    /** The started application, signed in as its first admin. */
    public static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort(), ADMIN);
    }
}
