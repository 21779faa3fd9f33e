package org.beacon.rules.model;

import java.util.Locale;
import java.util.Optional;

/** Warning colour, red the most serious (突发事件应对法 Art. 63; criteria §1.6). */
public enum WarningColour {
    RED("红"), ORANGE("橙"), YELLOW("黄"), BLUE("蓝");

    private final String chineseName;

    WarningColour(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Lower-case English name, the form used in JSON and in workbooks. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMoreSeriousThan(WarningColour other) {
        return ordinal() < other.ordinal();
    }

    /** Reads {@code red}, {@code 红}, {@code 红色}, {@code 红色预警}; empty for anything else. */
    public static Optional<WarningColour> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {"预警", "色"}) {
            if (t.endsWith(suffix)) {
                t = t.substring(0, t.length() - suffix.length());
            }
        }
        for (WarningColour c : values()) {
            if (t.equals(c.code()) || t.equals(c.chineseName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
