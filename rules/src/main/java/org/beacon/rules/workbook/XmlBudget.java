package org.beacon.rules.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How many bytes of unpacked XML Beacon reads from one workbook. The zip's inflate-ratio check stops classic zip
 * bombs, but a 20 MB file of text that compresses 30:1 still unpacks to 600 MB, which POI's shared-strings table
 * would hold in memory whole: counting the bytes as they are read stops such a file at the limit. Not thread-safe:
 * one per workbook read.
 */
final class XmlBudget {

    /** Thrown by a counted stream once the budget is spent; carries no stack trace. */
    static final class Exceeded extends IOException {
        Exceeded() {
            super("unpacked XML over the limit");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final long limit;
    private long used;
    private boolean exceeded;

    XmlBudget(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** True once a counted stream went over the limit, however the parser above it reported the failure. */
    boolean exceeded() {
        return exceeded;
    }

    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    spend(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    spend(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                spend(skipped);
                return skipped;
            }
        };
    }

    private void spend(long n) throws Exceeded {
        used += n;
        if (used > limit) {
            exceeded = true;
            throw new Exceeded();
        }
    }
}
