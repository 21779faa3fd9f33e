package org.beacon.service.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail's rows as retention moves them out of the database: how many there are, the oldest ones whole
 * (every column, the decision and its signals as the store gives them back), and deleting rows by id. The decision
 * and signals are read through {@link EvaluationAudit}, so however the store compresses them, an export holds the
 * JSON a {@code GET /evaluations/{id}} answered. Thread-safe.
 */
@Repository
public class AuditRows {

    /** Rows whose decision is summed to estimate the size of one. */
    private static final int SIZE_SAMPLE = 1_000;

    /** The trail's size: its rows, their estimated bytes in the database, and when the oldest was stored. */
    public record Stats(long rows, long estimatedBytes, Instant oldest) {
    }

    /**
     * One row as an export keeps it.
     *
     * @param line the row as one JSON object, its id first: every column, {@code decision} the exact JSON text that
     *     was answered, {@code signals} the series of its signals as JSON text or null
     */
    public record Exported(UUID id, Instant evaluatedAt, String line) {
    }

    private final JdbcTemplate jdbc;
    private final EvaluationAudit audit;
    private final JsonMapper json;

    AuditRows(JdbcTemplate jdbc, EvaluationAudit audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    public Stats stats() {
        // counted through the time index, as EvaluationAudit.find explains
        Long rows = jdbc.queryForObject("select count(*) from evaluation where evaluated_at is not null", Long.class);
        OffsetDateTime oldest = jdbc.queryForObject("select min(evaluated_at) from evaluation", OffsetDateTime.class);
        // a sum over every row would read every decision: the newest rows' average times the count instead
        Double average = jdbc.queryForObject("select avg(coalesce(octet_length(decision_deflated), 0)"
                + " + coalesce(octet_length(decision_json), 0) + coalesce(octet_length(signals_deflated), 0) + 300)"
                + " from (select decision_deflated, decision_json, signals_deflated from evaluation"
                + " order by evaluated_at desc limit " + SIZE_SAMPLE + ") newest", Double.class);
        long count = rows == null ? 0 : rows;
        return new Stats(count, average == null ? 0 : Math.round(average * count),
                oldest == null ? null : oldest.toInstant());
    }

    /**
     * Up to {@code limit} rows stored before {@code before}, oldest first (by time, then id), starting after the row
     * {@code after} (from the oldest when null).
     */
    public List<Exported> oldest(Instant before, AuditTrail.Cursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select id, evaluated_at, caller, rule_set_id, rule_set_hash, event_type,"
                + " region_code, region_name, region_level, as_of, grade, warning_colour, no_match, fired_rules,"
                + " batch_id, batch_index from evaluation where evaluated_at < ?");
        args.add(OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        if (after != null) {
            OffsetDateTime at = OffsetDateTime.ofInstant(after.evaluatedAt(), ZoneOffset.UTC);
            sql.append(" and evaluated_at >= ? and (evaluated_at > ? or id > ?)");
            args.add(at);
            args.add(at);
            args.add(after.id());
        }
        sql.append(" order by evaluated_at, id limit ?");
        args.add(limit);
        List<ObjectNode> rows = jdbc.query(sql.toString(), (rs, n) -> {
            ObjectNode row = json.createObjectNode();
            row.put("id", rs.getObject("id", UUID.class).toString());
            row.put("evaluatedAt", rs.getObject("evaluated_at", OffsetDateTime.class).toInstant().toString());
            for (String[] c : new String[][] {{"caller", "caller"}, {"rule_set_id", "ruleSetId"},
                {"rule_set_hash", "ruleSetHash"}, {"event_type", "eventType"}, {"region_code", "regionCode"},
                {"region_name", "regionName"}, {"region_level", "regionLevel"}, {"grade", "grade"},
                {"warning_colour", "warningColour"}, {"fired_rules", "firedRules"}}) {
                row.put(c[1], rs.getString(c[0]));
            }
            java.sql.Date asOf = rs.getDate("as_of");
            row.put("asOf", asOf == null ? null : asOf.toLocalDate().toString());
            row.put("noMatch", rs.getBoolean("no_match"));
            UUID batch = rs.getObject("batch_id", UUID.class);
            row.put("batchId", batch == null ? null : batch.toString());
            Object index = rs.getObject("batch_index");
            if (index == null) {
                row.putNull("batchIndex");
            } else {
                row.put("batchIndex", ((Number) index).intValue());
            }
            return row;
        }, args.toArray());
        List<Exported> exported = new ArrayList<>(rows.size());
        for (ObjectNode row : rows) {
            UUID id = UUID.fromString(row.get("id").asString());
            EvaluationAudit.Decided decided = audit.decided(id).orElse(null);
            if (decided == null) {
                continue; // deleted meanwhile: it is not in this export
            }
            row.put("decision", decided.json());
            row.put("signals", decided.signalsJson());
            exported.add(new Exported(id, Instant.parse(row.get("evaluatedAt").asString()),
                    json.writeValueAsString(row)));
        }
        return exported;
    }

    /**
     * Deletes these rows if they were stored before {@code before}; joins the caller's transaction when there is one.
     *
     * @return how many were deleted
     */
    public int delete(List<UUID> ids, Instant before) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(ids);
        args.add(OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        return jdbc.update("delete from evaluation where id in (" + String.join(",", Collections.nCopies(ids.size(),
                "?")) + ") and evaluated_at < ?", args.toArray());
    }
}
