package org.beacon.rules.impact;

import java.util.List;

/**
 * What deciding the same situations with two versions changed. Counts are exact; examples are the first ids met,
 * at most the comparison's example limit per entry.
 *
 * @param before the id of the version in force (or the one compared against)
 * @param after the id of the candidate
 * @param situations situations read, decided or not
 * @param decided situations both versions decided
 * @param changed decided situations whose grade, colour, risk level, reporting duty or answering rows differ
 * @param invalidBefore situations the old dictionary already refused (the new one may too): not compared
 * @param becameInvalid how many the old version decides and the new dictionary refuses
 * @param invalid examples of those, with the reason
 * @param transitions for each of {@code grade}, {@code colour}, {@code riskLevel}, {@code reporting} (and
 *     {@code level}, the recommended response level of a replayed timeline): every pair {@code from → to} met,
 *     unchanged pairs included, most frequent first
 * @param rows per table and row, the situations it answers for under the new version and did not before (gained)
 *     and the reverse (lost); rows with neither are left out
 * @param weeks the alert burden by ISO week of the situation's date, before and after, in week order
 */
public record ImpactReport(String before, String after, long situations, long decided, long changed,
        long invalidBefore, long becameInvalid, List<Invalid> invalid, List<Dimension> transitions,
        List<RowChange> rows, List<WeekBurden> weeks) {

    public ImpactReport {
        invalid = List.copyOf(invalid);
        transitions = List.copyOf(transitions);
        rows = List.copyOf(rows);
        weeks = List.copyOf(weeks);
    }

    /** The transitions of one output ({@code grade}, {@code colour} …). */
    public record Dimension(String name, List<Transition> transitions) {

        public Dimension {
            transitions = List.copyOf(transitions);
        }

        /** The situations that moved from {@code from} to {@code to} (the values as {@link Transition} shows them). */
        public long count(String from, String to) {
            return transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to))
                    .mapToLong(Transition::count).sum();
        }

        /** Situations whose value changed. */
        public long changed() {
            return transitions.stream().filter(Transition::changed).mapToLong(Transition::count).sum();
        }
    }

    /**
     * @param from the value under the old version ({@code Ⅲ}, {@code yellow}, {@code 24h}); {@code none} for none
     * @param to the value under the new one
     * @param examples ids of the first situations that made this move
     */
    public record Transition(String from, String to, long count, List<String> examples) {

        public Transition {
            examples = List.copyOf(examples);
        }

        public boolean changed() {
            return !from.equals(to);
        }
    }

    /**
     * @param table the sheet
     * @param row the row id ({@code Cholera!R8})
     * @param gained situations it answers for now and did not before
     * @param lost situations it answered for before and no longer does
     */
    public record RowChange(String table, String row, long gained, long lost, List<String> gainedExamples,
            List<String> lostExamples) {

        public RowChange {
            gainedExamples = List.copyOf(gainedExamples);
            lostExamples = List.copyOf(lostExamples);
        }
    }

    /**
     * @param week ISO week of the situations' dates ({@code 2026-W27}); {@code undated} for situations without one
     */
    public record WeekBurden(String week, Burden before, Burden after) {
    }

    /**
     * Alerts in a week: situations warned in each colour, and situations graded Ⅳ or more serious.
     */
    public record Burden(long red, long orange, long yellow, long blue, long graded) {

        public long warnings() {
            return red + orange + yellow + blue;
        }
    }

    /** A situation the new dictionary refuses, with the first reason ({@code /indicators/cases: …}). */
    public record Invalid(String id, String reason) {
    }
}
