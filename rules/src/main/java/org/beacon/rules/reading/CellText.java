package org.beacon.rules.reading;

import java.util.regex.Pattern;
import org.beacon.rules.model.ExpertText;

/** What the parsers recognise in a cell besides its value: names, "any", and header keywords. */
final class CellText {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private CellText() {
    }

    static boolean isAny(String normalized) {
        return normalized.isEmpty() || normalized.equals("-") || normalized.equalsIgnoreCase("any")
                || normalized.equals("任意") || normalized.equals("*");
    }

    /** {@code missing}, {@code 缺失}, {@code 未给出}: the situation does not give the value. */
    static boolean isMissing(String normalized) {
        return normalized.equalsIgnoreCase("missing") || normalized.equals("缺失") || normalized.equals("未给出");
    }

    /** {@code given}, {@code 已给出}, {@code 有值}: the situation gives a value, whichever. */
    static boolean isGiven(String normalized) {
        return normalized.equalsIgnoreCase("given") || normalized.equals("已给出") || normalized.equals("有值");
    }

    /** Header keyword comparison: case and spacing aside. */
    static String keyword(String text) {
        return ExpertText.normalize(text).toLowerCase(java.util.Locale.ROOT);
    }
}
