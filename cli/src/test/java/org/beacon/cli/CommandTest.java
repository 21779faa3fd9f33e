package org.beacon.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code beacon} commands in-process, as a shell would, and keeps what they print for the assertions. */
abstract class CommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs as on a machine set to English, so that what it prints does not depend on where the tests run. */
    int run(String... args) {
        return runOnASystemIn(Locale.ENGLISH, args);
    }

    int runOnASystemIn(Locale systemLocale, String... args) {
        return new BeaconCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), systemLocale).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far, for a test that runs several commands. */
    void clearOutput() {
        out.reset();
        err.reset();
    }
}
