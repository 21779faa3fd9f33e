package org.beacon.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Proof that no cell ever ran as code. Hostile cells call {@link #hit()} or try to create {@link #MARKER}; a test
 * then checks that neither happened. Public and static so that any code path that could run cell text (Drools,
 * MVEL, a scripting engine) can reach it: a canary that code cannot reach proves nothing.
 */
public final class Canary {

    /** A file no test creates: if it exists, a cell created it. */
    public static final Path MARKER;

    private static final AtomicBoolean HIT = new AtomicBoolean();

    static {
        try {
            MARKER = Files.createTempDirectory("beacon-canary-").resolve("cell-ran");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Canary() {
    }

    /** Called only by code that came from a cell. Returns true so it fits in conditions and expressions. */
    public static boolean hit() {
        HIT.set(true);
        return true;
    }

    public static boolean wasHit() {
        return HIT.get();
    }

    /** Whether the marker file exists. */
    public static boolean markerExists() {
        return Files.exists(MARKER);
    }

    /** Forgets a hit; only for the test that proves the canary can be hit. */
    static void reset() {
        HIT.set(false);
    }

    /** Cell texts that, if any of them ever ran, would call {@link #hit()} or create {@link #MARKER}. */
    static List<String> payloads() {
        String hit = Canary.class.getName() + ".hit()";
        String marker = MARKER.toString().replace("\\", "\\\\");
        return List.of(
                hit,
                "\"); " + hit + "; //",
                "\" || " + hit + " || \"",
                ">= 1 || " + hit,
                "1; " + hit + ";",
                "eval(" + hit + ")",
                "${" + hit + "}",
                "@{" + hit + "}",
                "#{" + hit + "}",
                "end\nrule \"x\" when then " + hit + "; end",
                "then " + hit + "; end",
                "modify($f) { " + hit + " }",
                "insert(" + hit + ");",
                "function boolean f() { return " + hit + "; }",
                "new java.io.File(\"" + marker + "\").createNewFile()",
                "\"); new java.io.File(\"" + marker + "\").createNewFile(); //",
                "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + marker + "\"))",
                "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker + "\"})",
                "${T(java.lang.Runtime).getRuntime().exec('touch " + marker + "')}",
                "=CALL(\"" + hit + "\")",
                "=HYPERLINK(\"file://" + marker + "\")");
    }
}
