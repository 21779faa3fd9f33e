package org.beacon.rules.model;

import java.util.Locale;
import java.util.Optional;

/** Administrative level of a region. */
public enum AdminLevel {
    PROVINCE, PREFECTURE, COUNTY, TOWNSHIP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level as a situation carries it: one of the four in its lower-case code (as before levels came from the
     * Dictionary, so that answers and the audit trail read the same), any other text trimmed, for the situation
     * check to hold against the rule set's Dictionary. Null stays null.
     */
    public static String normalised(String text) {
        return text == null ? null : parse(text).map(AdminLevel::code).orElse(text.trim());
    }

    public static Optional<AdminLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (AdminLevel level : values()) {
            if (level.code().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
