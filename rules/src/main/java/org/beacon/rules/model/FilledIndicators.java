package org.beacon.rules.model;

import java.util.List;
import java.util.Optional;
import org.beacon.rules.model.Grade;

/**
 * Indicator names whose values Beacon fills itself. A workbook declares one in its dictionary to use it in tables,
 * like {@code eventType}; the declaration must have the type Beacon fills.
 */
public final class FilledIndicators {

    /** The response grade: the grade the grading tables decided, unless the situation gives one. */
    public static final String RESPONSE_GRADE = "responseGrade";
    /** The source of the signal a {@code For each: signal} table is looking at. */
    public static final String SIGNAL_SOURCE = "signalSource";
    /** Statistics Beacon derives from a signal's daily series (see {@code SignalStatistics}). */
    public static final List<String> SIGNAL_STATISTICS = List.of("signalValue7d", "earsC1", "earsC2", "earsC3",
            "cidarsPercentile", "ratio5yMean");
    /** Number of signals whose own warning colour is at least blue, yellow, orange, red. */
    public static final List<String> SIGNAL_COUNTS = List.of("signalsBlue", "signalsYellow", "signalsOrange",
            "signalsRed");

    /** When an indicator's value is known during an evaluation. */
    public enum Role {
        /** Given by the situation. */
        SITUATION,
        /** Known only while a {@code For each: signal} table looks at one signal. */
        PER_SIGNAL,
        /** Counted after every signal has been looked at. */
        SIGNAL_COUNT,
        /** Decided by the grading tables (or given by the situation). */
        RESPONSE_GRADE
    }

    private FilledIndicators() {
    }

    public static Role role(String name) {
        if (name.equals(RESPONSE_GRADE)) {
            return Role.RESPONSE_GRADE;
        }
        if (name.equals(SIGNAL_SOURCE) || SIGNAL_STATISTICS.contains(name)) {
            return Role.PER_SIGNAL;
        }
        return SIGNAL_COUNTS.contains(name) ? Role.SIGNAL_COUNT : Role.SITUATION;
    }

    /** What is wrong with declaring {@code name} with this type and values, if it is reserved. */
    public static Optional<Message> checkDeclaration(String name, IndicatorType type, List<String> values) {
        if (name.equals(RESPONSE_GRADE)) {
            if (type != IndicatorType.ENUM || values.stream().anyMatch(v -> Grade.parse(v).isEmpty())) {
                return Optional.of(Message.of("INVALID_DICTIONARY_ENTRY.responseGrade"));
            }
        } else if (name.equals(SIGNAL_SOURCE)) {
            if (type != IndicatorType.ENUM) {
                return Optional.of(Message.of("INVALID_DICTIONARY_ENTRY.signalSource"));
            }
        } else if (SIGNAL_STATISTICS.contains(name)) {
            if (!type.isNumeric()) {
                return Optional.of(Message.of("INVALID_DICTIONARY_ENTRY.signalStatistic", name));
            }
        } else if (SIGNAL_COUNTS.contains(name) && type != IndicatorType.INTEGER) {
            return Optional.of(Message.of("INVALID_DICTIONARY_ENTRY.signalCount", name));
        }
        return Optional.empty();
    }
}
