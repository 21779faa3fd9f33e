package org.beacon.rules.model;

import java.util.Locale;
import java.util.Optional;

/** Administrative level of a region. */
public enum AdminLevel {
    PROVINCE, PREFECTURE, COUNTY, TOWNSHIP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
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
