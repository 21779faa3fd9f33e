package org.beacon.service.web;

/** Client text quoted back in an error detail, cut short so that a huge value is not sent back whole. */
public final class QuotedInput {

    private static final int MAX = 60;

    private QuotedInput() {
    }

    public static String shorten(String s) {
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }
}
