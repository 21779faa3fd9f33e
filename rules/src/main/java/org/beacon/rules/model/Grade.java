package org.beacon.rules.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Response grade of a public-health emergency, Ⅰ the most serious (criteria §1.1). */
public enum Grade {
    I("Ⅰ", "特别重大", "especially serious"),
    II("Ⅱ", "重大", "serious"),
    III("Ⅲ", "较大", "relatively serious"),
    IV("Ⅳ", "一般", "general");

    private final String numeral;
    private final String chineseName;
    private final String englishName;

    Grade(String numeral, String chineseName, String englishName) {
        this.numeral = numeral;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public String numeral() {
        return numeral;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    /** True when this grade is more serious than {@code other}. */
    public boolean isMoreSeriousThan(Grade other) {
        return ordinal() < other.ordinal();
    }

    /** Reads {@code Ⅲ}, {@code III}, {@code 3}, {@code 较大}, {@code Ⅲ级}; empty for anything else. */
    public static Optional<Grade> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // NFKC turns the Roman-numeral code points (Ⅲ) into Latin letters (III).
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("级")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        for (Grade g : values()) {
            if (t.equals(g.name()) || t.equals(String.valueOf(g.ordinal() + 1)) || t.equals(g.chineseName)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
