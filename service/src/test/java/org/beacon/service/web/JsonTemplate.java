package org.beacon.service.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid JSON request with named holes ({@code ${asOf}}), each filled with its valid default unless a case puts raw
 * JSON text there: so a case reads as "this request with asOf = 2026-13-01" and changes exactly one thing. Raw text,
 * not a JSON tree, because much of the corpus (NaN, 1e400, 1000-digit integers) is not what a JSON library writes.
 */
record JsonTemplate(String text, Map<String, String> defaults) {

    private static final Pattern HOLE = Pattern.compile("\\$\\{(\\w+)}");

    /** @param holesAndDefaults hole name, default raw JSON, hole name, default … */
    static JsonTemplate of(String text, String... holesAndDefaults) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < holesAndDefaults.length; i += 2) {
            defaults.put(holesAndDefaults[i], holesAndDefaults[i + 1]);
        }
        return new JsonTemplate(text, defaults);
    }

    String valid() {
        return fill(Map.of());
    }

    /** The request with {@code raw} in the hole {@code hole}, the defaults elsewhere. */
    String with(String hole, String raw) {
        if (!defaults.containsKey(hole)) {
            throw new IllegalArgumentException("no hole " + hole + " in " + text);
        }
        return fill(Map.of(hole, raw));
    }

    private String fill(Map<String, String> values) {
        Matcher m = HOLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1), defaults.get(m.group(1)));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
