package org.beacon.service.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The audit trail as the console reads it: filtered pages newest first, the whole filtered list streamed for an
 * export, one region's history and the latest decision of each region. Pages are read by key (the last row's time
 * and id), never by offset and never counted: page 2,000 of a million rows costs what page 1 costs. Thread-safe.
 */
@Repository
public class AuditTrail {

    private static final String COLUMNS = "id, evaluated_at, caller, rule_set_id, event_type, region_code,"
            + " region_name, as_of, grade, warning_colour, no_match, fired_rules, batch_id, batch_index";
    /** Rows the database hands over per round trip while an export streams. */
    private static final int FETCH = 500;

    /** Where a page ends: the last row's time and id; the next page starts after it. */
    public record Cursor(Instant evaluatedAt, UUID id) {

        /** {@code 2026-12-04T10:31:02.123Z_<uuid>}, as it travels in a link. */
        @Override
        public String toString() {
            return evaluatedAt + "_" + id;
        }

        /** @throws IllegalArgumentException when {@code text} is not a cursor this class wrote */
        public static Cursor parse(String text) {
            int cut = text.lastIndexOf('_');
            if (cut < 0) {
                throw new IllegalArgumentException("not a page cursor: " + text);
            }
            try {
                return new Cursor(Instant.parse(text.substring(0, cut)), UUID.fromString(text.substring(cut + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a page cursor: " + text, e);
            }
        }
    }

    /** A page, newest first, and where the next (older) one starts: null when this is the last. */
    public record Page(List<EvaluationSummary> items, Cursor next) {
    }

    private final JdbcTemplate jdbc;
    private final EvaluationAudit audit;

    AuditTrail(JdbcTemplate jdbc, EvaluationAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A decision's JSON exactly as it was answered, while its row is in the database. */
    public Optional<String> decisionJson(UUID id) {
        return audit.decisionJson(id);
    }

    /** Up to {@code size} rows older than {@code after} (the newest when null). */
    public Page newest(AuditFilter filter, Cursor after, int size) {
        List<Object> args = new ArrayList<>();
        List<EvaluationSummary> rows = jdbc.query(pageSql(filter, after, size + 1, args), (rs, n) -> summary(rs),
                args.toArray());
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        EvaluationSummary last = rows.get(size - 1);
        return new Page(rows.subList(0, size), new Cursor(last.evaluatedAt(), last.evaluationId()));
    }

    /** The query of a page of {@code limit} rows, its values added to {@code args}; its plan is tested. */
    static String pageSql(AuditFilter filter, Cursor after, int limit, List<Object> args) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from evaluation").append(where(filter, args));
        if (after != null) {
            // the first condition bounds the index range, the second breaks ties between rows of the same instant
            OffsetDateTime at = OffsetDateTime.ofInstant(after.evaluatedAt(), ZoneOffset.UTC);
            sql.append(" and evaluated_at <= ? and (evaluated_at < ? or id < ?)");
            args.add(at);
            args.add(at);
            args.add(after.id());
        }
        args.add(limit);
        return sql.append(" order by evaluated_at desc, id desc limit ?").toString();
    }

    /** Every row of the filter, newest first, handed over one by one as the database streams them. */
    public void forEach(AuditFilter filter, Consumer<EvaluationSummary> each) {
        List<Object> args = new ArrayList<>();
        String sql = "select " + COLUMNS + " from evaluation" + where(filter, args)
                + " order by evaluated_at desc, id desc";
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> each.accept(summary(rs)));
    }

    /** A region's newest {@code limit} decisions, oldest first: the points of its timeline. */
    public List<EvaluationSummary> history(String region, int limit) {
        List<EvaluationSummary> rows = new ArrayList<>(jdbc.query("select " + COLUMNS + " from evaluation"
                + " where region_code = ? order by evaluated_at desc, id desc limit ?", (rs, n) -> summary(rs),
                region, limit));
        java.util.Collections.reverse(rows);
        return rows;
    }

    /**
     * The latest decision of each region decided in {@code [from, to)}, of one event type when given, by region
     * code. Reads the window's rows through the time index, newest first, and keeps the first seen of each region.
     */
    public Map<String, EvaluationSummary> latestPerRegion(String eventType, Instant from, Instant to) {
        Map<String, EvaluationSummary> latest = new LinkedHashMap<>();
        forEach(new AuditFilter(null, eventType, null, null, null, null, from, to), s -> {
            if (s.regionCode() != null) {
                latest.putIfAbsent(s.regionCode(), s);
            }
        });
        return latest;
    }

    /**
     * A region's latest decision as the risk map draws it, from the audit row alone.
     *
     * @param colour the area-risk code ({@code red} … {@code green}), null when no row gave one
     * @param rules the rows that gave the colour; null for a row stored before V11, whose colour and rows only its
     *     stored answer holds
     */
    public record LatestRisk(UUID evaluationId, Instant evaluatedAt, String regionCode, String regionName,
            String regionLevel, String colour, List<String> rules) {
    }

    /**
     * The latest decision of each region decided in {@code [from, to)}, of one event type when given, newest first;
     * of two decisions of a region at the same instant, the one with the greater id, as the audit trail lists them.
     * Reads the columns the map shows (V11), not the stored answers.
     */
    public List<LatestRisk> latestRisks(String eventType, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        return jdbc.query(latestRisksSql(eventType, from, to, args), (rs, n) -> {
            String rules = rs.getString("area_risk_rules");
            return new LatestRisk(rs.getObject("id", UUID.class),
                    rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(), rs.getString("region_code"),
                    rs.getString("region_name"), rs.getString("region_level"), rs.getString("area_risk"),
                    rules == null ? null : rules.isEmpty() ? List.of() : Arrays.asList(rules.split(",")));
        }, args.toArray());
    }

    /** The query of {@link #latestRisks}, its values added to {@code args}; its plan is tested. */
    static String latestRisksSql(String eventType, Instant from, Instant to, List<Object> args) {
        String where = EvaluationAudit.where(from, to, null, eventType, args);
        return "select id, evaluated_at, region_code, region_name, region_level, area_risk, area_risk_rules from ("
                + "select id, evaluated_at, region_code, region_name, region_level, area_risk, area_risk_rules,"
                + " row_number() over (partition by region_code order by evaluated_at desc, id desc) as newest"
                + " from evaluation" + where + " and region_code is not null) latest where newest = 1"
                + " order by evaluated_at desc, id desc";
    }

    /** The filter as a where clause, its values added to {@code args}. */
    static String where(AuditFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder(EvaluationAudit.where(f.from(), f.to(), f.region(), f.eventType(),
                args));
        equal(where, "grade", f.grade(), args);
        equal(where, "warning_colour", f.colour(), args);
        equal(where, "rule_set_id", f.ruleSet(), args);
        equal(where, "caller", f.caller(), args);
        return where.toString();
    }

    private static void equal(StringBuilder where, String column, String value, List<Object> args) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    static EvaluationSummary summary(ResultSet rs) throws SQLException {
        String fired = rs.getString("fired_rules");
        java.sql.Date asOf = rs.getDate("as_of");
        Object batchIndex = rs.getObject("batch_index");
        return new EvaluationSummary(rs.getObject("id", UUID.class),
                rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(), rs.getString("caller"),
                rs.getString("rule_set_id"), rs.getString("event_type"), rs.getString("region_code"),
                rs.getString("region_name"), asOf == null ? null : asOf.toLocalDate(), rs.getString("grade"),
                rs.getString("warning_colour"), rs.getBoolean("no_match"),
                fired == null || fired.isEmpty() ? List.of() : Arrays.asList(fired.split(",")),
                rs.getObject("batch_id", UUID.class), batchIndex == null ? null : ((Number) batchIndex).intValue());
    }
}
