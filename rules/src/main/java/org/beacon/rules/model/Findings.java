package org.beacon.rules.model;

import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;

/** Collects diagnostics for one workbook; several share one list. Not thread-safe: one per compilation. */
public final class Findings {

    private final String workbook;
    private final List<Diagnostic> sink;

    public Findings(String workbook, List<Diagnostic> sink) {
        this.workbook = workbook;
        this.sink = sink;
    }

    public static Findings collecting() {
        return new Findings("", new ArrayList<>());
    }

    public Findings forWorkbook(String name) {
        return new Findings(name, sink);
    }

    public String workbook() {
        return workbook;
    }

    /** An error whose code and message come from {@code text}. */
    public void error(String location, Message text) {
        sink.add(Diagnostic.of(Severity.ERROR, workbook, location, text));
    }

    public void warning(String location, Message text) {
        sink.add(Diagnostic.of(Severity.WARNING, workbook, location, text));
    }

    public void info(String location, Message text) {
        sink.add(Diagnostic.of(Severity.INFO, workbook, location, text));
    }

    public boolean hasErrors() {
        return sink.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) sink.stream().filter(Diagnostic::isError).count();
    }

    public List<Diagnostic> all() {
        return List.copyOf(sink);
    }
}
