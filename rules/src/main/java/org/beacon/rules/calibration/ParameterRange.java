package org.beacon.rules.calibration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values one parameter takes in a sweep: {@code from}, {@code from + step}, … up to {@code to} included.
 * Written {@code name=from..to:step} ({@code stepDown_minDays=7..28:7}); decimal values are exact.
 */
public record ParameterRange(String name, BigDecimal from, BigDecimal to, BigDecimal step) {

    private static final Pattern SPEC = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_]*)=([^.:]+(?:\\.[0-9]+)?)\\.\\.([^:]+):(.+)");

    public ParameterRange {
        if (step.signum() <= 0) {
            throw new RefusedSweepException("step", name, step.toPlainString());
        }
        if (from.compareTo(to) > 0) {
            throw new RefusedSweepException("empty", name, from.toPlainString(), to.toPlainString());
        }
    }

    /** @throws RefusedSweepException saying what is wrong with {@code spec} */
    public static ParameterRange parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new RefusedSweepException("notARange", spec, "stepDown_minDays=7..28:7");
        }
        return new ParameterRange(m.group(1), number(m.group(2), spec), number(m.group(3), spec),
                number(m.group(4), spec));
    }

    /** How many values the range holds; computed, not listed, so a huge range is refused cheaply. */
    public long size() {
        BigDecimal n = to.subtract(from).divideToIntegralValue(step);
        return n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE - 1)) >= 0 ? Long.MAX_VALUE : n.longValue() + 1;
    }

    /** The values, in order; call only once {@link #size()} is known to be small. */
    public List<BigDecimal> values() {
        List<BigDecimal> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            values.add(v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros());
        }
        return values;
    }

    @Override
    public String toString() {
        return name + "=" + from.toPlainString() + ".." + to.toPlainString() + ":" + step.toPlainString();
    }

    private static BigDecimal number(String text, String spec) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new RefusedSweepException("notANumber", text, spec);
        }
    }
}
