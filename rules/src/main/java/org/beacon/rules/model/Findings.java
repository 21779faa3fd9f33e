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

    public void error(String location, String code, String message) {
        sink.add(new Diagnostic(Severity.ERROR, workbook, location, code, message));
    }

    public void warning(String location, String code, String message) {
        sink.add(new Diagnostic(Severity.WARNING, workbook, location, code, message));
    }

    public void info(String location, String code, String message) {
        sink.add(new Diagnostic(Severity.INFO, workbook, location, code, message));
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
