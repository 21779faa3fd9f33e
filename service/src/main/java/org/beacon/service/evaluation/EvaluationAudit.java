package org.beacon.service.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in the database. Writes a request's evaluations in one transaction with JDBC batches, so an
 * answer is never sent for a decision that is not stored, and a batch is stored whole or not at all.
 */
@Repository
class EvaluationAudit {

    private static final int JDBC_BATCH = 500;
    private static final String INSERT = "insert into evaluation (id, evaluated_at, caller, rule_set_id, rule_set_hash,"
            + " event_type, region_code, region_name, region_level, as_of, grade, warning_colour, no_match,"
            + " fired_rules, batch_id, batch_index, decision_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SUMMARY_COLUMNS = "id, evaluated_at, caller, rule_set_id, event_type, region_code,"
            + " region_name, as_of, grade, warning_colour, no_match, fired_rules, batch_id, batch_index";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    EvaluationAudit(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    void save(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(row(e));
        }
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += JDBC_BATCH) {
                jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + JDBC_BATCH)));
            }
        });
    }

    private Object[] row(AuditEntry e) {
        EvaluationResponse d = e.decision();
        EvaluationResponse.SituationView s = d.situation();
        EvaluationResponse.RegionView r = s.region();
        return new Object[] {d.evaluationId(), OffsetDateTime.ofInstant(d.evaluatedAt(), ZoneOffset.UTC),
            truncate(e.caller(), 200), d.ruleSet().id(), d.ruleSet().contentHash(), truncate(s.eventType(), 100),
            r == null ? null : truncate(r.code(), 50), r == null ? null : truncate(r.name(), 200),
            r == null ? null : r.level(), s.asOf(), d.grade() == null ? null : d.grade().level(), d.warningColour(),
            d.noMatch(), truncate(String.join(",", d.firedRules()), 4000), e.batchId(), e.batchIndex(),
            json.writeValueAsString(d)};
    }

    Optional<String> decisionJson(UUID id) {
        return jdbc.query("select decision_json from evaluation where id = ?", rs -> rs.next()
                ? Optional.of(rs.getString(1)) : Optional.empty(), id);
    }

    EvaluationPage find(AuditQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.regionCode() != null) {
            where.append(" and region_code = ?");
            args.add(q.regionCode());
        }
        if (q.eventType() != null) {
            where.append(" and event_type = ?");
            args.add(q.eventType());
        }
        if (q.from() != null) {
            where.append(" and evaluated_at >= ?");
            args.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" and evaluated_at < ?");
            args.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        Long total = jdbc.queryForObject("select count(*) from evaluation" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<EvaluationSummary> items = jdbc.query("select " + SUMMARY_COLUMNS + " from evaluation" + where
                + " order by evaluated_at desc, id limit ? offset ?", (rs, n) -> summary(rs), pageArgs.toArray());
        return new EvaluationPage(q.page(), q.size(), total == null ? 0 : total, items);
    }

    private static EvaluationSummary summary(ResultSet rs) throws SQLException {
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

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
