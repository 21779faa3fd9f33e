package org.beacon.service.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code replay} table. A run moves queued → running → done or failed; every update after the insert is
 * conditional on the run not having ended yet, so a late heartbeat or a sweep never reopens or rewrites a finished
 * run.
 */
@Repository
class ReplayStore {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final String UNFINISHED = " status in ('" + QUEUED + "', '" + RUNNING + "')";
    private static final String COLUMNS = "id, created_at, caller, status, timeline_name, timeline_sha256,"
            + " actual_name, actual_sha256, rule_sets, inputs_json, steps_total, steps_done, started_at, finished_at,"
            + " error";

    /** One stored run; {@code summaryJson} is null in listings. */
    record Row(UUID id, Instant createdAt, String caller, String status, String timelineName, String timelineSha256,
            String actualName, String actualSha256, List<String> ruleSets, String inputsJson, long stepsTotal,
            long stepsDone, Instant startedAt, Instant finishedAt, String summaryJson, String error) {
    }

    private final JdbcTemplate jdbc;

    ReplayStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r, String instance) {
        jdbc.update("insert into replay (id, created_at, caller, status, timeline_name, timeline_sha256, actual_name,"
                + " actual_sha256, rule_sets, inputs_json, steps_total, steps_done, instance_id, heartbeat_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), time(r.createdAt()),
                truncate(r.caller(), 200), r.status(), truncate(r.timelineName(), 255), r.timelineSha256(),
                truncate(r.actualName(), 255), r.actualSha256(), truncate(String.join(",", r.ruleSets()), 1000),
                r.inputsJson(), r.stepsTotal(), r.stepsDone(), instance, time(r.createdAt()));
    }

    void started(UUID id, Instant at) {
        jdbc.update("update replay set status = ?, started_at = ?, heartbeat_at = ? where id = ? and" + UNFINISHED,
                RUNNING, time(at), time(at), id);
    }

    void progress(UUID id, long done, Instant at) {
        jdbc.update("update replay set steps_done = ?, heartbeat_at = ? where id = ? and" + UNFINISHED, done,
                time(at), id);
    }

    void done(UUID id, long steps, List<String> ruleSets, String summaryJson, Instant at) {
        jdbc.update("update replay set status = ?, steps_done = ?, rule_sets = ?, summary_json = ?, finished_at = ?,"
                + " heartbeat_at = ? where id = ? and" + UNFINISHED, DONE, steps,
                truncate(String.join(",", ruleSets), 1000), summaryJson, time(at), time(at), id);
    }

    void failed(UUID id, long stepsDone, String error, Instant at) {
        jdbc.update("update replay set status = ?, steps_done = ?, error = ?, finished_at = ?, heartbeat_at = ?"
                + " where id = ? and" + UNFINISHED, FAILED, stepsDone, truncate(error, 2000), time(at), time(at), id);
    }

    /** These runs, queued or running here, are alive. */
    void heartbeat(Collection<UUID> ids, Instant at) {
        for (UUID id : ids) {
            jdbc.update("update replay set heartbeat_at = ? where id = ? and" + UNFINISHED, time(at), id);
        }
    }

    /**
     * Marks failed the unfinished runs nobody has vouched for since {@code before} (their instance crashed or
     * stopped); returns how many.
     */
    int failSilent(Instant before, String error, Instant at) {
        return jdbc.update("update replay set status = ?, error = ?, finished_at = ? where" + UNFINISHED
                + " and heartbeat_at < ?", FAILED, error, time(at), time(before));
    }

    /** Marks failed every unfinished run of this instance (it is stopping). */
    int failAll(String instance, String error, Instant at) {
        return jdbc.update("update replay set status = ?, error = ?, finished_at = ? where" + UNFINISHED
                + " and instance_id = ?", FAILED, error, time(at), instance);
    }

    /** A run's status, without its summary. */
    Optional<String> status(UUID id) {
        return jdbc.query("select status from replay where id = ?", rs -> rs.next() ? Optional.of(rs.getString(1))
                : Optional.empty(), id);
    }

    Optional<Row> find(UUID id) {
        return jdbc.query("select " + COLUMNS + ", summary_json from replay where id = ?", rs -> rs.next()
                ? Optional.of(row(rs, rs.getString("summary_json"))) : Optional.empty(), id);
    }

    long count() {
        Long n = jdbc.queryForObject("select count(*) from replay", Long.class);
        return n == null ? 0 : n;
    }

    /** The runs queued or running on any instance, newest first, at most {@code limit}. */
    List<Row> unfinished(int limit) {
        return jdbc.query("select " + COLUMNS + " from replay where" + UNFINISHED
                + " order by created_at desc, id limit ?", (rs, n) -> row(rs, null), limit);
    }

    /** Newest first. */
    List<Row> page(int page, int size) {
        return jdbc.query("select " + COLUMNS + " from replay order by created_at desc, id limit ? offset ?",
                (rs, n) -> row(rs, null), size, (long) page * size);
    }

    private static Row row(ResultSet rs, String summaryJson) throws SQLException {
        String ruleSets = rs.getString("rule_sets");
        return new Row(rs.getObject("id", UUID.class), instant(rs, "created_at"), rs.getString("caller"),
                rs.getString("status"), rs.getString("timeline_name"), rs.getString("timeline_sha256"),
                rs.getString("actual_name"), rs.getString("actual_sha256"),
                ruleSets.isEmpty() ? List.of() : Arrays.asList(ruleSets.split(",")), rs.getString("inputs_json"),
                rs.getLong("steps_total"), rs.getLong("steps_done"), instant(rs, "started_at"),
                instant(rs, "finished_at"), summaryJson, rs.getString("error"));
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
