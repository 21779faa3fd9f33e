package org.beacon.service.retention;

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
 * The export records of audit retention ({@code audit_export}, V10) and which export holds each deleted row
 * ({@code audit_archived}). Thread-safe.
 */
@Repository
class AuditExports {

    static final String WRITING = "writing";
    static final String VERIFIED = "verified";
    static final String DONE = "done";
    static final String FAILED = "failed";

    private static final String COLUMNS = "id, file, created_at, cut_off, state, row_count, deleted, oldest, newest,"
            + " sha256, finished_at, error";

    /** One export file and how far its run got. */
    record Export(UUID id, String file, Instant createdAt, Instant cutOff, String state, Long rowCount, long deleted,
            Instant oldest, Instant newest, String sha256, Instant finishedAt, String error) {
    }

    /** The archive as a whole: files and rows exported (done or on their way). */
    record Totals(long exports, long rows) {
    }

    private final JdbcTemplate jdbc;

    AuditExports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start(UUID id, String file, Instant createdAt, Instant cutOff) {
        jdbc.update("insert into audit_export (id, file, created_at, cut_off, state, deleted)"
                + " values (?, ?, ?, ?, ?, 0)", id, file, at(createdAt), at(cutOff), WRITING);
    }

    void verified(UUID id, long rows, Instant oldest, Instant newest, String sha256) {
        jdbc.update("update audit_export set state = ?, row_count = ?, oldest = ?, newest = ?, sha256 = ? where id = ?",
                VERIFIED, rows, at(oldest), at(newest), sha256, id);
    }

    /** Counts a batch of the file's rows as deleted and records which export holds them: in the batch's transaction. */
    void deleted(UUID id, List<UUID> rows) {
        jdbc.batchUpdate("insert into audit_archived (id, export_id) values (?, ?)",
                rows.stream().map(r -> new Object[] {r, id}).toList());
        jdbc.update("update audit_export set deleted = deleted + ? where id = ?", rows.size(), id);
    }

    void done(UUID id, Instant at) {
        jdbc.update("update audit_export set state = ?, finished_at = ? where id = ?", DONE, at(at), id);
    }

    void failed(UUID id, String error, Instant at) {
        jdbc.update("update audit_export set state = ?, error = ?, finished_at = ? where id = ?", FAILED,
                error.length() > 2000 ? error.substring(0, 2000) : error, at(at), id);
    }

    /** Forgets an export that never got past writing: none of its rows was deleted. */
    void forget(UUID id) {
        jdbc.update("delete from audit_export where id = ? and state = ?", id, WRITING);
    }

    /** Exports a run was cut off in, oldest first. */
    List<Export> unfinished() {
        return jdbc.query("select " + COLUMNS + " from audit_export where state in (?, ?) order by created_at",
                (rs, n) -> export(rs), WRITING, VERIFIED);
    }

    Optional<Export> last() {
        return jdbc.query("select " + COLUMNS + " from audit_export order by created_at desc limit 1",
                (rs, n) -> export(rs)).stream().findFirst();
    }

    Totals totals() {
        return jdbc.queryForObject("select count(*), coalesce(sum(deleted), 0) from audit_export",
                (rs, n) -> new Totals(rs.getLong(1), rs.getLong(2)));
    }

    /** The export whose file holds this deleted row. */
    Optional<Export> holding(UUID row) {
        return jdbc.query("select " + COLUMNS.replaceAll("(\\w+)", "e.$1") + " from audit_archived a"
                + " join audit_export e on e.id = a.export_id where a.id = ?", (rs, n) -> export(rs), row)
                .stream().findFirst();
    }

    private static Export export(ResultSet rs) throws SQLException {
        Object rows = rs.getObject("row_count");
        return new Export(rs.getObject("id", UUID.class), rs.getString("file"), instant(rs, "created_at"),
                instant(rs, "cut_off"), rs.getString("state"), rows == null ? null : ((Number) rows).longValue(),
                rs.getLong("deleted"), instant(rs, "oldest"), instant(rs, "newest"), rs.getString("sha256"),
                instant(rs, "finished_at"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
