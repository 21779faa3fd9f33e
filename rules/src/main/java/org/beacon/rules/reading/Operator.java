package org.beacon.rules.reading;

import java.util.Optional;

/** The operators a header or a cell may use: a fixed allowlist. */
enum Operator {
    EQ("="), NE("≠"), LT("<"), LE("≤"), GT(">"), GE("≥"), IN("in"), NOT_IN("not in"), RANGE("range");

    final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    static final String ALLOWED = "=, ≠, <, ≤, >, ≥, in, not in, range";

    static Optional<Operator> parse(String text) {
        return switch (CellText.keyword(text)) {
            case "=", "==" -> Optional.of(EQ);
            case "≠", "!=", "<>" -> Optional.of(NE);
            case "<" -> Optional.of(LT);
            case "≤", "<=" -> Optional.of(LE);
            case ">" -> Optional.of(GT);
            case "≥", ">=" -> Optional.of(GE);
            case "in", "in list", "属于" -> Optional.of(IN);
            case "not in", "not in list", "不属于" -> Optional.of(NOT_IN);
            case "range", "between", "区间", "范围" -> Optional.of(RANGE);
            default -> Optional.empty();
        };
    }
}
