package org.beacon.service;

import java.sql.SQLException;
import org.beacon.service.retention.RetentionSettingException;
import org.beacon.service.ruleset.RuleSetLoadException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns the start-up failures an operator meets first into a short report naming the cause and the setting to change,
 * in place of a page of stack trace: tables that do not compile or cannot be found, a database another process holds
 * open, a port in use. Spring Boot prints the report and keeps the stack trace for debug logging. Ordered first so
 * that Boot's own port analysis, which names no setting, does not answer instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartUpFailures implements FailureAnalyzer {

    /** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1), without depending on H2. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's "A file path that is implicitly relative to the current working directory is not allowed". */
    private static final int H2_IMPLICITLY_RELATIVE_PATH = 90011;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RuleSetLoadException e) {
                return new FailureAnalysis("Beacon cannot start on its tables: " + e.getMessage(), e.remedy(), e);
            }
            if (t instanceof SQLException e && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new FailureAnalysis("Beacon cannot open its database: another process (another Beacon "
                        + "started with the same beacon.data-dir?) holds it open.",
                        "Stop that process, or set beacon.data-dir to another folder (--beacon.data-dir=./other).", e);
            }
            if (t instanceof SQLException e && e.getErrorCode() == H2_IMPLICITLY_RELATIVE_PATH) {
                return new FailureAnalysis("Beacon cannot open its database: beacon.data-dir is a relative path "
                        + "that does not start with ./, which the database refuses.",
                        "Set beacon.data-dir to an absolute path or one starting with ./ (--beacon.data-dir=./data).",
                        e);
            }
            if (t instanceof RetentionSettingException e) {
                return new FailureAnalysis("Beacon cannot start: " + e.getMessage() + ".", e.remedy(), e);
            }
            if (t instanceof PortInUseException e) {
                return new FailureAnalysis("Beacon cannot listen on port " + e.getPort() + ": another process uses "
                        + "it.", "Stop that process, or set server.port (--server.port=8081).", e);
            }
        }
        return null;
    }
}
