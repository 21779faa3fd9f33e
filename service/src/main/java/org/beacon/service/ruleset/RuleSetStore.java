package org.beacon.service.ruleset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.beacon.rules.model.WorkbookSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule-set versions, their workbooks and their events in the database. A version and its workbooks are written in
 * one transaction, so a failed or interrupted upload leaves nothing; an event is written only if the state revision
 * it was based on is still current (compare-and-set), so concurrent activations cannot both win.
 */
@Repository
class RuleSetStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RuleSetStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    int revision() {
        Integer r = jdbc.queryForObject("select revision from rule_set_state where id = 1", Integer.class);
        return r == null ? 0 : r;
    }

    List<RuleSetVersion> versions() {
        return jdbc.query("select * from rule_set order by sequence", (rs, n) -> version(rs));
    }

    Optional<RuleSetVersion> version(String id) {
        return jdbc.query("select * from rule_set where id = ?", (rs, n) -> version(rs), id).stream().findFirst();
    }

    /** The version with these workbooks and this effective date (see {@link RuleSetVersion#identityKey}). */
    Optional<RuleSetVersion> byIdentity(String hash, LocalDate effectiveFrom) {
        return jdbc.query("select * from rule_set where identity_key = ?", (rs, n) -> version(rs),
                RuleSetVersion.identityKey(hash, effectiveFrom)).stream().findFirst();
    }

    List<WorkbookSource> workbooks(String id) {
        return jdbc.query("select name, content from rule_set_workbook where rule_set_id = ? order by name",
                (rs, n) -> new WorkbookSource(rs.getString(1), rs.getBytes(2)), id);
    }

    Optional<byte[]> workbook(String id, String name) {
        return jdbc.query("select content from rule_set_workbook where rule_set_id = ? and name = ?",
                (rs, n) -> rs.getBytes(1), id, name).stream().findFirst();
    }

    List<RuleSetEvent> events() {
        return jdbc.query("select * from rule_set_event order by sequence", (rs, n) -> new RuleSetEvent(
                rs.getInt("sequence"), rs.getString("rule_set_id"), rs.getString("kind"), rs.getString("previous_id"),
                rs.getString("actor"), rs.getObject("at", OffsetDateTime.class).toInstant()));
    }

    /**
     * Stores a version with its workbooks; the id is the next {@code v<n>}. Retries if another upload took it; returns
     * the version another upload stored meanwhile with the same workbooks and effective date.
     *
     * @param beforeCommit runs inside the transaction, after every row is written (fault injection in crash tests)
     */
    RuleSetVersion insert(String hash, String author, String comment, LocalDate effectiveFrom, int warnings,
            int testsPassed, List<WorkbookSource> sources, java.util.function.Consumer<String> beforeCommit) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Integer max = jdbc.queryForObject("select coalesce(max(sequence), 0) from rule_set",
                            Integer.class);
                    int sequence = (max == null ? 0 : max) + 1;
                    String id = "v" + sequence;
                    Instant now = Instant.now();
                    jdbc.update("insert into rule_set (id, sequence, content_hash, identity_key, author, comment,"
                            + " created_at, effective_from, rolled_back, warnings, tests_passed) values (?, ?, ?, ?, ?,"
                            + " ?, ?, ?, false, ?, ?)", id, sequence, hash, RuleSetVersion.identityKey(hash,
                            effectiveFrom), author, comment, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                            effectiveFrom, warnings, testsPassed);
                    List<Object[]> rows = new ArrayList<>();
                    for (WorkbookSource s : sources) {
                        rows.add(new Object[] {id, s.name(), s.bytes()});
                    }
                    jdbc.batchUpdate("insert into rule_set_workbook (rule_set_id, name, content) values (?, ?, ?)",
                            rows);
                    beforeCommit.accept(id);
                    return new RuleSetVersion(id, sequence, hash, author, comment, now, effectiveFrom, false, warnings,
                            testsPassed, sources.stream().map(WorkbookSource::name).toList());
                });
            } catch (DuplicateKeyException e) {
                Optional<RuleSetVersion> same = byIdentity(hash, effectiveFrom);
                if (same.isPresent()) {
                    return same.get();
                }
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Appends an activation or rollback if the state is still at {@code expectedRevision}.
     *
     * @param beforeCommit runs inside the transaction, after every row is written (fault injection in crash tests)
     * @throws ConcurrentChangeException when another change came first
     */
    void recordEvent(String id, String kind, String previousId, String actor, int expectedRevision,
            java.util.function.Consumer<String> beforeCommit) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.update("update rule_set_state set revision = revision + 1 where id = 1 and revision = ?",
                    expectedRevision);
            if (updated != 1) {
                throw new ConcurrentChangeException();
            }
            jdbc.update("update rule_set set rolled_back = ? where id = ?", RuleSetEvent.ROLLBACK.equals(kind), id);
            Integer max = jdbc.queryForObject("select coalesce(max(sequence), 0) from rule_set_event", Integer.class);
            jdbc.update("insert into rule_set_event (sequence, rule_set_id, kind, previous_id, actor, at) values (?, ?,"
                    + " ?, ?, ?, ?)", (max == null ? 0 : max) + 1, id, kind, previousId, actor,
                    OffsetDateTime.now(ZoneOffset.UTC));
            beforeCommit.accept(id);
        });
    }

    private RuleSetVersion version(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        java.sql.Date from = rs.getDate("effective_from");
        return new RuleSetVersion(id, rs.getInt("sequence"), rs.getString("content_hash"), rs.getString("author"),
                rs.getString("comment"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                from == null ? null : from.toLocalDate(), rs.getBoolean("rolled_back"), rs.getInt("warnings"),
                rs.getInt("tests_passed"), jdbc.queryForList("select name from rule_set_workbook where rule_set_id = ?"
                + " order by name", String.class, id));
    }
}
