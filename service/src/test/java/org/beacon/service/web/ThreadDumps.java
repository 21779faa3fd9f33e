package org.beacon.service.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Thread stacks for a failure message: the application runs in the test's JVM, so a hung request shows here with
 * the lock it waits for. {@link ThreadInfo#toString()} keeps only eight frames; these keep them all.
 */
final class ThreadDumps {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadDumps() {
    }

    static String all() {
        return format(Arrays.asList(THREADS.dumpAllThreads(true, true)));
    }

    /** The deadlocked threads' stacks, or null when there is no deadlock. */
    static String deadlocks() {
        long[] ids = THREADS.findDeadlockedThreads();
        return ids == null ? null : format(Arrays.asList(THREADS.getThreadInfo(ids, true, true)));
    }

    /** Threads whose name starts with {@code prefix}. */
    static List<ThreadInfo> named(String prefix) {
        return Arrays.stream(THREADS.dumpAllThreads(false, false)).filter(t -> t.getThreadName().startsWith(prefix))
                .toList();
    }

    static String format(List<ThreadInfo> threads) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo t : threads) {
            out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                out.append(" on ").append(t.getLockName());
            }
            if (t.getLockOwnerName() != null) {
                out.append(" owned by \"").append(t.getLockOwnerName()).append('"');
            }
            out.append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                out.append("\tat ").append(frame).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
