package org.beacon.rules.table;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Normalises what experts type: full-width forms, dashes, tildes and spacing. */
final class CellText {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private CellText() {
    }

    /** NFKC (full-width digits and punctuation to ASCII), one kind of dash and tilde, single spaces, trimmed. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('≧', '≥').replace('≦', '≤')
                .replace('–', '-').replace('—', '-').replace('−', '-')
                .replace('〜', '~').replace('∼', '~')
                .replace('、', ',');
        return s.replaceAll("\\s+", " ").trim();
    }

    static boolean isAny(String normalized) {
        return normalized.isEmpty() || normalized.equals("-") || normalized.equalsIgnoreCase("any")
                || normalized.equals("任意") || normalized.equals("*");
    }

    /** Splits a list on commas (after normalisation, Chinese commas are commas too), dropping blanks. */
    static List<String> splitList(String normalized) {
        return Arrays.stream(normalized.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Header keyword comparison: case and spacing aside. */
    static String keyword(String text) {
        return normalize(text).toLowerCase(java.util.Locale.ROOT);
    }
}
