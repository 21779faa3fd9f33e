package org.beacon.service.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code analysis_run} table. A run moves queued → running → done or failed; every update after the insert is
 * conditional on the run not having ended, so a late heartbeat or a sweep never reopens a finished run.
 */
@Repository
public class StoredRuns {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    private static final String UNFINISHED = " status in ('" + QUEUED + "', '" + RUNNING + "')";
    private static final String COLUMNS = "id, kind, rule_set, created_at, caller, status, inputs_json, steps_total,"
            + " steps_done, started_at, finished_at, error";

    /** One stored run; {@code summaryJson} is null in listings. */
    public record Row(UUID id, String kind, String ruleSet, Instant createdAt, String caller, String status,
            String inputsJson, long stepsTotal, long stepsDone, Instant startedAt, Instant finishedAt,
            String summaryJson, String error) {
    }

    /** Which of a finished run's files. */
    public enum File {
        XLSX("report_xlsx"), CSV("report_csv");

        private final String column;

        File(String column) {
            this.column = column;
        }
    }

    private final JdbcTemplate jdbc;

    StoredRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r, String instance) {
        jdbc.update("insert into analysis_run (id, kind, rule_set, created_at, caller, status, inputs_json,"
                + " steps_total, steps_done, instance_id, heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.kind(), truncate(r.ruleSet(), 100), time(r.createdAt()), truncate(r.caller(), 200),
                r.status(), r.inputsJson(), r.stepsTotal(), r.stepsDone(), instance, time(r.createdAt()));
    }

    void started(UUID id, Instant at) {
        jdbc.update("update analysis_run set status = ?, started_at = ?, heartbeat_at = ? where id = ? and"
                + UNFINISHED, RUNNING, time(at), time(at), id);
    }

    void progress(UUID id, long done, Instant at) {
        jdbc.update("update analysis_run set steps_done = ?, heartbeat_at = ? where id = ? and" + UNFINISHED, done,
                time(at), id);
    }

    void done(UUID id, long done, LongRuns.Result result, Instant at) {
        jdbc.update("update analysis_run set status = ?, steps_done = ?, summary_json = ?, report_xlsx = ?,"
                + " report_csv = ?, finished_at = ?, heartbeat_at = ? where id = ? and" + UNFINISHED, DONE, done,
                result.summaryJson(), result.xlsx(), result.csv(), time(at), time(at), id);
    }

    void failed(UUID id, long done, String error, Instant at) {
        jdbc.update("update analysis_run set status = ?, steps_done = ?, error = ?, finished_at = ?, heartbeat_at = ?"
                + " where id = ? and" + UNFINISHED, FAILED, done, truncate(error, 2000), time(at), time(at), id);
    }

    /** Marks failed the unfinished runs nobody has vouched for since {@code before}; returns how many. */
    int failSilent(Instant before, String error, Instant at) {
        return jdbc.update("update analysis_run set status = ?, error = ?, finished_at = ? where" + UNFINISHED
                + " and heartbeat_at < ?", FAILED, error, time(at), time(before));
    }

    /** Marks failed every unfinished run of this instance (it stopped, or is stopping). */
    int failAll(String instance, String error, Instant at) {
        return jdbc.update("update analysis_run set status = ?, error = ?, finished_at = ? where" + UNFINISHED
                + " and instance_id = ?", FAILED, error, time(at), instance);
    }

    public Optional<Row> find(String kind, UUID id) {
        return jdbc.query("select " + COLUMNS + ", summary_json from analysis_run where id = ? and kind = ?",
                rs -> rs.next() ? Optional.of(row(rs, rs.getString("summary_json"))) : Optional.empty(), id, kind);
    }

    /** A finished run's file, or empty when it has none. */
    public Optional<byte[]> file(UUID id, File file) {
        return jdbc.query("select " + file.column + " from analysis_run where id = ? and status = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty(), id, DONE);
    }

    /** Runs of a kind, newest first; of one version when {@code ruleSet} is not null. */
    public List<Row> page(String kind, String ruleSet, int page, int size) {
        return ruleSet == null
                ? jdbc.query("select " + COLUMNS + " from analysis_run where kind = ? order by created_at desc, id"
                        + " limit ? offset ?", (rs, n) -> row(rs, null), kind, size, (long) page * size)
                : jdbc.query("select " + COLUMNS + " from analysis_run where kind = ? and rule_set = ?"
                        + " order by created_at desc, id limit ? offset ?", (rs, n) -> row(rs, null), kind, ruleSet,
                        size, (long) page * size);
    }

    public long count(String kind, String ruleSet) {
        Long n = ruleSet == null
                ? jdbc.queryForObject("select count(*) from analysis_run where kind = ?", Long.class, kind)
                : jdbc.queryForObject("select count(*) from analysis_run where kind = ? and rule_set = ?", Long.class,
                        kind, ruleSet);
        return n == null ? 0 : n;
    }

    private static Row row(ResultSet rs, String summaryJson) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("rule_set"),
                instant(rs, "created_at"), rs.getString("caller"), rs.getString("status"),
                rs.getString("inputs_json"), rs.getLong("steps_total"), rs.getLong("steps_done"),
                instant(rs, "started_at"), instant(rs, "finished_at"), summaryJson, rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
