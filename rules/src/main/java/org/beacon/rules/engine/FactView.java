package org.beacon.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The one fact generated rules match on: a situation's indicator values by dictionary position, numbers as doubles
 * and enum, boolean and text values as symbol numbers. Rules record themselves here when they fire. One instance per
 * evaluation; not thread-safe.
 */
public final class FactView {

    private final boolean[] present;
    private final double[] numbers;
    private final int[] symbols;
    private final List<long[]> fired = new ArrayList<>(4);

    FactView(boolean[] present, double[] numbers, int[] symbols) {
        this.present = present;
        this.numbers = numbers;
        this.symbols = symbols;
    }

    public boolean has(int indicator) {
        return present[indicator];
    }

    public double num(int indicator) {
        return numbers[indicator];
    }

    public int sym(int indicator) {
        return symbols[indicator];
    }

    /** Called by a generated rule's consequence. */
    public void fire(int table, int row) {
        fired.add(new long[] {table, row});
    }

    /** The same values with nothing fired yet, for matching them again. */
    FactView fresh() {
        return new FactView(present, numbers, symbols);
    }

    /** (table index, Excel row) of every rule that fired, in firing order. */
    List<long[]> fired() {
        return fired;
    }
}
