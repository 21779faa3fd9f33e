package org.beacon.rules.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Interval;
import org.beacon.rules.model.Message;

/**
 * Reads a condition cell into a typed {@link Criterion}. The grammar is closed: a cell either is one of the documented
 * forms (tables/README.md, "Condition cells") or it is a diagnostic at that cell. Nothing a cell holds is passed on
 * as text to the rule engine.
 */
final class ConditionParser {

    private static final String NUM = "([+-]?\\d+(?:\\.\\d+)?|\\{[^{}]*\\})";
    private static final String UNIT = "(?:例|人|天|日|个|起|次|名|倍|家)?";
    private static final Pattern COMPARISON = Pattern.compile("^(>=|<=|!=|<>|==|=|≥|≤|≠|>|<)\\s*" + NUM + UNIT + "$");
    private static final Pattern AT_LEAST = Pattern.compile("^" + NUM + UNIT + "\\s*(?:及以上|以上)$");
    private static final Pattern AT_MOST = Pattern.compile("^" + NUM + UNIT + "\\s*(?:及以下|以下)$");
    private static final Pattern MORE_THAN = Pattern.compile("^(?:超过|大于|多于|高于)\\s*" + NUM + UNIT + "$");
    private static final Pattern LESS_THAN = Pattern.compile("^(?:不足|不满|未满|少于|小于|低于)\\s*" + NUM + UNIT + "$");
    private static final Pattern NOT_MORE_THAN = Pattern.compile("^(?:未超过|不超过)\\s*" + NUM + UNIT + "$");
    private static final Pattern RANGE = Pattern.compile("^" + NUM + UNIT + "\\s*(?:~|-|至|到)\\s*" + NUM + UNIT + "$");
    private static final String NUM_UNCAPTURED = "(?:[+-]?\\d+(?:\\.\\d+)?|\\{[^{}]*\\})";
    /** Groups: 1 opening bracket, 2 low end, 3 high end, 4 closing bracket. */
    private static final Pattern INTERVAL = Pattern.compile("^([\\[(])\\s*(-∞|" + NUM_UNCAPTURED + ")\\s*,\\s*(\\+?∞|"
            + NUM_UNCAPTURED + ")\\s*([\\])])$");
    private static final Pattern PLAIN = Pattern.compile("^" + NUM + UNIT + "$");
    private static final Pattern LOOKS_LIKE_OPERATOR = Pattern.compile("^[^\\p{L}\\p{N}{\\[(]+\\s*" + NUM + ".*$");

    private final Map<String, BigDecimal> parameters;
    private final Findings findings;

    ConditionParser(Map<String, BigDecimal> parameters, Findings findings) {
        this.parameters = parameters;
        this.findings = findings;
    }

    /** The test a cell means, or null after reporting why it means nothing. */
    Criterion parse(Indicator indicator, Operator headerOperator, String cellText, String cell) {
        String s = ExpertText.normalize(cellText);
        if (CellText.isAny(s)) {
            return new Criterion.Any();
        }
        // an enum that lists the word itself keeps it as its value
        boolean enumValue = indicator.type() == IndicatorType.ENUM && indicator.enumValue(s).isPresent();
        if (!enumValue && CellText.isMissing(s)) {
            return new Criterion.Missing();
        }
        if (!enumValue && CellText.isGiven(s)) {
            return new Criterion.Given();
        }
        return indicator.type().isNumeric()
                ? parseNumeric(indicator, headerOperator, s, cell)
                : parseSymbols(indicator, headerOperator, s, cell);
    }

    private Criterion parseNumeric(Indicator ind, Operator headerOp, String s, String cell) {
        if (headerOp != null) {
            return parseWithHeaderOperator(ind, headerOp, s, cell);
        }
        Matcher m;
        if ((m = COMPARISON.matcher(s)).matches()) {
            Operator op = Operator.parse(m.group(1)).orElseThrow();
            return comparison(ind, op, m.group(2), cell);
        }
        if ((m = AT_LEAST.matcher(s)).matches()) {
            return comparison(ind, Operator.GE, m.group(1), cell);
        }
        if ((m = AT_MOST.matcher(s)).matches()) {
            return comparison(ind, Operator.LE, m.group(1), cell);
        }
        if ((m = NOT_MORE_THAN.matcher(s)).matches()) {
            return comparison(ind, Operator.LE, m.group(1), cell);
        }
        if ((m = MORE_THAN.matcher(s)).matches()) {
            return comparison(ind, Operator.GT, m.group(1), cell);
        }
        if ((m = LESS_THAN.matcher(s)).matches()) {
            return comparison(ind, Operator.LT, m.group(1), cell);
        }
        if ((m = RANGE.matcher(s)).matches()) {
            return interval(ind, m.group(1), true, m.group(2), true, cell);
        }
        if ((m = INTERVAL.matcher(s)).matches()) {
            return interval(ind, m.group(2), m.group(1).equals("["), m.group(3), m.group(4).equals("]"), cell);
        }
        if ((m = PLAIN.matcher(s)).matches()) {
            return comparison(ind, Operator.EQ, m.group(1), cell);
        }
        return notNumeric(ind, s, cell);
    }

    private Criterion parseWithHeaderOperator(Indicator ind, Operator op, String s, String cell) {
        switch (op) {
            case IN, NOT_IN -> {
                findings.error(cell, Message.of("UNKNOWN_OPERATOR.listOnNumber", op.symbol, ind.name(),
                        ind.type().word()));
                return null;
            }
            case RANGE -> {
                Matcher m = RANGE.matcher(s);
                if (m.matches()) {
                    return interval(ind, m.group(1), true, m.group(2), true, cell);
                }
                m = INTERVAL.matcher(s);
                if (m.matches()) {
                    return interval(ind, m.group(2), m.group(1).equals("["), m.group(3), m.group(4).equals("]"),
                            cell);
                }
                findings.error(cell, Message.of("INVALID_VALUE.range", s));
                return null;
            }
            default -> {
                Matcher m = PLAIN.matcher(s);
                if (!m.matches()) {
                    if (COMPARISON.matcher(s).matches() || LOOKS_LIKE_OPERATOR.matcher(s).matches()) {
                        findings.error(cell, Message.of("INVALID_VALUE.headerOperator", op.symbol, s));
                        return null;
                    }
                    return notNumeric(ind, s, cell);
                }
                return comparison(ind, op, m.group(1), cell);
            }
        }
    }

    private Criterion notNumeric(Indicator ind, String s, String cell) {
        if (LOOKS_LIKE_OPERATOR.matcher(s).matches()) {
            findings.error(cell, Message.of("UNKNOWN_OPERATOR.cell", s, Operator.ALLOWED));
        } else {
            findings.error(cell, Message.of("WRONG_TYPE.notNumber", ind.name(), article(ind.type()), ind.type().word(),
                    s));
        }
        return null;
    }

    private Criterion comparison(Indicator ind, Operator op, String numberText, String cell) {
        BigDecimal n = number(ind, numberText, cell);
        if (n == null) {
            return null;
        }
        Interval i = switch (op) {
            case EQ, NE -> Interval.point(n);
            case LT -> new Interval(null, false, n, false);
            case LE -> new Interval(null, false, n, true);
            case GT -> new Interval(n, false, null, false);
            case GE -> new Interval(n, true, null, false);
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
        return checked(ind, new Criterion.Numeric(i, op == Operator.NE), cell);
    }

    private Criterion interval(Indicator ind, String low, boolean lowInc, String high, boolean highInc, String cell) {
        BigDecimal lo = low.contains("∞") ? null : number(ind, low, cell);
        BigDecimal hi = high.contains("∞") ? null : number(ind, high, cell);
        if ((lo == null && !low.contains("∞")) || (hi == null && !high.contains("∞"))) {
            return null;
        }
        return checked(ind, new Criterion.Numeric(new Interval(lo, lo != null && lowInc, hi, hi != null && highInc),
                false), cell);
    }

    private Criterion checked(Indicator ind, Criterion.Numeric test, String cell) {
        if (test.interval().isEmpty(ind.type() == IndicatorType.INTEGER)) {
            findings.warning(cell, Message.of("EMPTY_CONDITION", ind.name(), test.describe()));
        }
        return test;
    }

    /** A literal or a parameter, type- and range-checked against the indicator. */
    private BigDecimal number(Indicator ind, String text, String cell) {
        BigDecimal n;
        String shown = text;
        if (text.startsWith("{")) {
            String name = text.substring(1, text.length() - 1).trim();
            n = parameters.get(name);
            if (n == null) {
                List<String> close = Dictionary.closest(name, parameters.keySet());
                findings.error(cell, Message.of("UNKNOWN_PARAMETER", name, Dictionary.suggestion(close)));
                return null;
            }
            shown = text + " = " + n.toPlainString();
        } else {
            n = new BigDecimal(text);
        }
        if (!ind.withinPrecision(n)) {
            findings.error(cell, Message.of("WRONG_TYPE.tooManyDecimals", ind.name(), ind.decimals(), shown));
            return null;
        }
        if (ind.type() == IndicatorType.INTEGER && n.stripTrailingZeros().scale() > 0) {
            findings.error(cell, Message.of("WRONG_TYPE.notWhole", ind.name(), shown));
            return null;
        }
        if (!ind.inRange(n)) {
            findings.error(cell, Message.of("VALUE_OUT_OF_RANGE.condition", shown, ind.name(), ind.rangeText(),
                    ind.location()));
            return null;
        }
        return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
    }

    private Criterion parseSymbols(Indicator ind, Operator headerOp, String s, String cell) {
        boolean negated = headerOp == Operator.NE || headerOp == Operator.NOT_IN;
        String body = s;
        if (headerOp == null) {
            String lower = s.toLowerCase(Locale.ROOT);
            for (String prefix : new String[] {"not in ", "not ", "≠", "!=", "<>", "不属于", "不是", "非"}) {
                if (lower.startsWith(prefix)) {
                    negated = true;
                    body = s.substring(prefix.length()).trim();
                    break;
                }
            }
            if (!negated) {
                for (String prefix : new String[] {"in ", "==", "=", "属于"}) {
                    if (lower.startsWith(prefix)) {
                        body = s.substring(prefix.length()).trim();
                        break;
                    }
                }
            }
        } else if (headerOp != Operator.EQ && headerOp != Operator.NE && headerOp != Operator.IN
                && headerOp != Operator.NOT_IN) {
            findings.error(cell, Message.of("UNKNOWN_OPERATOR.headerCompares", headerOp.symbol, ind.name(),
                    ind.type().word()));
            return null;
        }
        if (body.matches("^(<=|>=|<|>|≤|≥).*")) {
            findings.error(cell, Message.of("UNKNOWN_OPERATOR.cellCompares", s, ind.name(), ind.type().word()));
            return null;
        }
        List<String> items = ExpertText.splitList(body);
        if (items.isEmpty()) {
            findings.error(cell, Message.of("INVALID_VALUE.noValue", s));
            return null;
        }
        if (items.size() > 1 && (headerOp == Operator.EQ || headerOp == Operator.NE)) {
            findings.error(cell, Message.of("INVALID_VALUE.oneValue", headerOp.symbol));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String item : items) {
            String v = symbol(ind, item, cell);
            if (v == null) {
                return null;
            }
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return new Criterion.Symbols(values, negated);
    }

    /** The canonical symbol for an enum value, a boolean or a text, or null after reporting. */
    String symbol(Indicator ind, String item, String cell) {
        switch (ind.type()) {
            case BOOLEAN -> {
                String b = booleanValue(item);
                if (b == null) {
                    findings.error(cell, Message.of("WRONG_TYPE.boolean", ind.name(), item));
                }
                return b;
            }
            case ENUM -> {
                Optional<String> v = ind.enumValue(item);
                if (v.isPresent()) {
                    return v.get();
                }
                List<String> close = Dictionary.closest(item, ind.values());
                findings.error(cell, Message.of("INVALID_VALUE.enumValue", item, ind.name(),
                        Dictionary.suggestion(close), Message.joined("separator.items", ind.values())));
                return null;
            }
            default -> {
                return item;
            }
        }
    }

    static String booleanValue(String item) {
        return switch (item.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "是", "1", "有" -> "true";
            case "no", "n", "false", "否", "0", "无" -> "false";
            default -> null;
        };
    }

    /** "a" or "an" before the type's name in English; nothing in Chinese, which has no articles. */
    private static Message article(IndicatorType t) {
        return Message.word(t == IndicatorType.INTEGER || t == IndicatorType.ENUM ? "article.an" : "article.a");
    }
}
