package org.beacon.rules;

/**
 * How much of an exhaustive corpus a run tries, from the system property {@value #PROPERTY}: {@code full} (the
 * default, what {@code ./mvnw verify} and CI run) or {@code sampled} (the fast loop, {@code ./mvnw -Pfast}). A sample
 * is a fixed part of the full corpus, never a random one, so a failure in the fast loop fails again on a rerun and in
 * the full run.
 */
public final class CorpusSize {

    public static final String PROPERTY = "beacon.corpus";

    private CorpusSize() {
    }

    /** True under {@code -Pfast} ({@code -Dbeacon.corpus=sampled}). */
    public static boolean sampled() {
        String value = System.getProperty(PROPERTY, "full");
        return switch (value) {
            case "full", "" -> false;
            case "sampled" -> true;
            default -> throw new IllegalArgumentException(PROPERTY + " must be full or sampled, not '" + value + "'");
        };
    }

    /** {@code full} in a full run, {@code sampled} in the fast loop. */
    public static int of(int full, int sampled) {
        return sampled() ? sampled : full;
    }
}
