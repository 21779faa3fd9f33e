package org.beacon.service.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail in the database. A decision is committed before its answer is sent, and a batch is stored whole
 * or not at all. Thread-safe.
 */
@Repository
class EvaluationAudit {

    private static final int JDBC_BATCH = 500;
    private static final String INSERT = "insert into evaluation (id, evaluated_at, caller, rule_set_id, rule_set_hash,"
            + " event_type, region_code, region_name, region_level, as_of, grade, warning_colour, no_match,"
            + " fired_rules, batch_id, batch_index, decision_deflated, signals_deflated, area_risk, area_risk_rules)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SUMMARY_COLUMNS = "id, evaluated_at, caller, rule_set_id, event_type, region_code,"
            + " region_name, as_of, grade, warning_colour, no_match, fired_rules, batch_id, batch_index";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    EvaluationAudit(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Stores a batch's decisions in one transaction of their own: the batch is stored whole or not at all.
     */
    void save(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(row(e));
        }
        insert(rows);
    }

    /**
     * Stores one decision and returns once it is committed. Decisions that concurrent requests store at the same
     * time share one commit (group commit): whoever holds the write lock commits everything queued, the others find
     * their row committed when they get the lock. A commit costs H2 a rewrite of the pages it touched, so sharing
     * it is what makes single evaluations under load cheap; each request still answers only after its own row is
     * committed. If a shared commit fails, its rows are retried one by one, so one bad row fails only its request.
     */
    void saveOne(AuditEntry entry) {
        Pending mine = new Pending(row(entry));
        queue.add(mine);
        while (!mine.done.isDone()) {
            writing.lock();
            try {
                if (!mine.done.isDone()) {
                    commitQueued();
                }
            } finally {
                writing.unlock();
            }
        }
        try {
            mine.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void commitQueued() {
        List<Pending> group = new ArrayList<>();
        for (Pending p; group.size() < JDBC_BATCH && (p = queue.poll()) != null; ) {
            group.add(p);
        }
        try {
            insert(group.stream().map(Pending::row).toList());
            group.forEach(p -> p.done.complete(null));
        } catch (RuntimeException shared) {
            for (Pending p : group) {
                try {
                    insert(List.<Object[]>of(p.row()));
                    p.done.complete(null);
                } catch (RuntimeException alone) {
                    p.done.completeExceptionally(alone);
                }
            }
        }
    }

    private void insert(List<Object[]> rows) {
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += JDBC_BATCH) {
                jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + JDBC_BATCH)));
            }
        });
    }

    /** A row waiting for the commit that stores it. */
    private record Pending(Object[] row, CompletableFuture<Void> done) {
        Pending(Object[] row) {
            this(row, new CompletableFuture<>());
        }
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
            DeflatedJson.deflate(e.json()), e.signalsJson() == null ? null : DeflatedJson.deflate(e.signalsJson()),
            d.areaRisk() == null ? null : d.areaRisk().colour(),
            // '' rather than null when no row coloured it: null marks a row stored before V11 (see the migration)
            truncate(String.join(",", RiskMapView.rules(d)), 4000)};
    }

    /** A stored decision's JSON and who asked for it. */
    record Stored(String caller, String json) {
    }

    Optional<Stored> decisionWithCaller(UUID id) {
        return jdbc.query("select caller, decision_json, decision_deflated from evaluation where id = ?", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            String json = rs.getString(2); // rows stored before V5
            return Optional.of(new Stored(rs.getString(1), json != null ? json : DeflatedJson.inflate(rs.getBytes(3))));
        }, id);
    }

    /**
     * The stored decisions of these ids, read in one query (an id with none is absent): the console's map of the
     * week's latest decisions needs hundreds at once, and one query each cost it a round trip per region.
     */
    Map<UUID, String> decisionsJson(List<UUID> ids) {
        Map<UUID, String> stored = new HashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.query("select id, decision_json, decision_deflated from evaluation where id in (" + marks + ")",
                (RowCallbackHandler) rs -> {
                    String json = rs.getString(2); // rows stored before V5
                    stored.put(rs.getObject(1, UUID.class), json != null ? json
                            : DeflatedJson.inflate(rs.getBytes(3)));
                }, ids.toArray());
        return stored;
    }

    /** A stored decision with what deciding its situation again needs: its version and its signals' series. */
    record Decided(String ruleSetId, String json, String signalsJson) {
    }

    Optional<Decided> decided(UUID id) {
        return jdbc.query("select rule_set_id, decision_json, decision_deflated, signals_deflated from evaluation"
                + " where id = ?", rs -> {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String json = rs.getString(2); // rows stored before V5
                    byte[] signals = rs.getBytes(4);
                    return Optional.of(new Decided(rs.getString(1), json != null ? json
                            : DeflatedJson.inflate(rs.getBytes(3)), signals == null ? null
                            : DeflatedJson.inflate(signals)));
                }, id);
    }

    Optional<String> decisionJson(UUID id) {
        return jdbc.query("select decision_json, decision_deflated from evaluation where id = ?", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            String json = rs.getString(1); // rows stored before V5
            return Optional.of(json != null ? json : DeflatedJson.inflate(rs.getBytes(2)));
        }, id);
    }

    EvaluationPage find(AuditQuery q) {
        // Always true (the column is not null), but it makes H2 count through the evaluation_time index. A bare
        // count(*) takes H2's shortcut only while no transaction is open; under concurrent inserts it reads every
        // row, decisions included: from 36 ms to 17 s for 200,000 rows, against 0.1-1 s through the index.
        List<Object> args = new ArrayList<>();
        String where = where(q.from(), q.to(), q.regionCode(), q.eventType(), args);
        Long total = jdbc.queryForObject("select count(*) from evaluation" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<EvaluationSummary> items = jdbc.query("select " + SUMMARY_COLUMNS + " from evaluation" + where
                + " order by evaluated_at desc, id limit ? offset ?", (rs, n) -> AuditTrail.summary(rs),
                pageArgs.toArray());
        return new EvaluationPage(q.page(), q.size(), total == null ? 0 : total, items);
    }

    /**
     * The audit's filters as a where clause (stored in {@code [from, to)}, of a region, of an event type; each null
     * for any), their values added to {@code args}: the one filter of the trail's search and of impact runs.
     */
    static String where(Instant from, Instant to, String regionCode, String eventType, List<Object> args) {
        StringBuilder where = new StringBuilder(" where evaluated_at is not null");
        if (regionCode != null) {
            where.append(" and region_code = ?");
            args.add(regionCode);
        }
        if (eventType != null) {
            where.append(" and event_type = ?");
            args.add(eventType);
        }
        if (from != null) {
            where.append(" and evaluated_at >= ?");
            args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" and evaluated_at < ?");
            args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return where.toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
