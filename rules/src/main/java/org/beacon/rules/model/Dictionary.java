package org.beacon.rules.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indicators of a rule set, by name. Immutable. */
public final class Dictionary {

    private final Map<String, Indicator> byName;
    private final List<Indicator> byIndex;

    public Dictionary(List<Indicator> indicators) {
        Map<String, Indicator> m = new LinkedHashMap<>();
        indicators.forEach(i -> m.put(i.name(), i));
        this.byName = Map.copyOf(m);
        this.byIndex = indicators.stream().sorted(Comparator.comparingInt(Indicator::index)).toList();
    }

    public Optional<Indicator> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The ordered enum a {@code THEN <name>} or {@code EXPECT <name>} column takes its values from, when the
     * Dictionary declares {@code name} with ordered values ({@code Low < Medium < High}) and Beacon does not know the
     * output itself.
     */
    public Optional<Indicator> orderedOutput(String name) {
        return TypedOutputs.isTyped(name) ? Optional.empty() : find(name).filter(Indicator::ordered);
    }

    /**
     * The canonical spelling of a value of output {@code name}: an ordered output's value as declared (case aside),
     * a typed output's canonical form, free text as it is; empty when the cell holds no valid value.
     */
    public Optional<String> outputValue(String name, String text) {
        Optional<Indicator> ordered = orderedOutput(name);
        return ordered.isPresent() ? ordered.get().enumValue(text) : TypedOutputs.canonical(name, text);
    }

    /** What a cell of output {@code name} may hold, for error messages. */
    public Message expectedOutput(String name) {
        return orderedOutput(name).map(i -> Message.of("phrase.oneOf", i.valuesText()))
                .orElseGet(() -> TypedOutputs.expected(name));
    }

    /** All indicators in dictionary order. */
    /**
     * The levels a situation's region may have: the values this Dictionary declares for {@code adminLevel} (states
     * and counties, say), else the four Chinese levels, which every rule set took before levels could be declared.
     */
    public List<String> regionLevels() {
        return find(Indicator.ADMIN_LEVEL).map(Indicator::values).filter(v -> !v.isEmpty())
                .orElseGet(() -> java.util.Arrays.stream(AdminLevel.values()).map(AdminLevel::code).toList());
    }

    public List<Indicator> indicators() {
        return byIndex;
    }

    public int size() {
        return byIndex.size();
    }

    /** Names close to a misspelt one, for "did you mean" messages. */
    public List<String> closeNames(String name) {
        return closest(name, byName.keySet());
    }

    /** {@code 'death' is not in the dictionary; did you mean deaths?} */
    public Message notInDictionary(String name) {
        return Message.of("UNKNOWN_INDICATOR.notInDictionary", name, suggestion(closeNames(name)));
    }

    /** {@code ; did you mean a, b?}, or "" when nothing is close. */
    public static String didYouMean(List<String> close) {
        return DiagnosticMessages.english(suggestion(close));
    }

    /** {@link #didYouMean} in any language. */
    public static Message suggestion(List<String> close) {
        return close.isEmpty() ? Message.word("nothing")
                : Message.of("phrase.didYouMean", Message.joined("separator.items", close));
    }

    /** Up to three of {@code candidates} close to {@code name} (a typo, another case, a part of it), closest first. */
    public static List<String> closest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase();
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase()) <= Math.max(2, lower.length() / 3)
                        || c.toLowerCase().contains(lower) || (!c.isEmpty() && lower.contains(c.toLowerCase())))
                .sorted(Comparator.comparingInt(c -> distance(lower, c.toLowerCase())))
                .limit(3)
                .toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
