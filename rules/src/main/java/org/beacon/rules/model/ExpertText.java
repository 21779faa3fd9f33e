package org.beacon.rules.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * How text typed by experts is read, the same when a workbook is parsed and when a test sheet compares an output
 * with its EXPECT cell: full-width forms, dashes, tildes, Chinese commas and spacing folded into one spelling.
 */
public final class ExpertText {

    private ExpertText() {
    }

    /** NFKC (full-width digits and punctuation to ASCII), one kind of dash and tilde, single spaces, trimmed. */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('≧', '≥').replace('≦', '≤')
                .replace('–', '-').replace('—', '-').replace('−', '-')
                .replace('〜', '~').replace('∼', '~')
                .replace('、', ',');
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Splits a list on commas (after normalisation, Chinese commas are commas too), dropping blanks. */
    public static List<String> splitList(String normalized) {
        return Arrays.stream(normalized.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
