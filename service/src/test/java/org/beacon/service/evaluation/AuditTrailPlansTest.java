package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.beacon.rules.Workbooks;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every filter of the console's audit trail is read through an index of its own on H2 (migrations V1 and V9), asked
 * of H2's own planner (EXPLAIN) for the very query a page runs: a filter without its index would read the whole
 * trail, a million rows and their decisions, for each page.
 */
class AuditTrailPlansTest {

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        Path data = Path.of("target", "audit-plans-" + System.nanoTime());
        app = TestApps.start("--beacon.tables-dir=" + Workbooks.root().resolve("tables"),
                "--beacon.data-dir=./" + data);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String plan(AuditFilter filter, AuditTrail.Cursor after) {
        List<Object> args = new ArrayList<>();
        String sql = AuditTrail.pageSql(filter, after, 51, args);
        return String.join("\n", jdbc.queryForList("explain " + sql, String.class, args.toArray())).toUpperCase();
    }

    private static AuditFilter only(String column, String value) {
        return new AuditFilter(column.equals("region") ? value : null, column.equals("eventType") ? value : null,
                column.equals("grade") ? value : null, column.equals("colour") ? value : null,
                column.equals("ruleSet") ? value : null, column.equals("caller") ? value : null, null, null);
    }

    @Test
    void eachFilterIsReadThroughItsOwnIndex() {
        assertThat(plan(only("region", "330106"), null)).contains("EVALUATION_REGION_TIME");
        assertThat(plan(only("eventType", "cholera"), null)).contains("EVALUATION_EVENT_TIME");
        assertThat(plan(only("grade", "III"), null)).contains("EVALUATION_GRADE_TIME");
        assertThat(plan(only("colour", "yellow"), null)).contains("EVALUATION_COLOUR_TIME");
        assertThat(plan(only("ruleSet", "v1"), null)).contains("EVALUATION_RULE_SET_TIME");
        assertThat(plan(only("caller", "admin"), null)).contains("EVALUATION_CALLER_TIME");
    }

    @Test
    void theUnfilteredTrailAndADateRangeAreReadThroughTheTimeIndexPageAfterPage() {
        AuditTrail.Cursor after = new AuditTrail.Cursor(Instant.parse("2026-07-01T00:00:00Z"), UUID.randomUUID());
        assertThat(plan(AuditFilter.any(), null)).contains("EVALUATION_TIME");
        assertThat(plan(AuditFilter.any(), after)).contains("EVALUATION_TIME");
        assertThat(plan(new AuditFilter(null, null, null, null, null, null, Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T00:00:00Z")), null)).contains("EVALUATION_TIME");
    }

    @Test
    void theLatestMapReadsTheWeeksRowsOfItsEventTypeThroughTheirIndex() {
        List<Object> args = new ArrayList<>();
        Instant now = Instant.parse("2026-07-08T00:00:00Z");
        String sql = AuditTrail.latestRisksSql("covid19", now.minusSeconds(7 * 86_400), now, args);
        String plan = String.join("\n", jdbc.queryForList("explain " + sql, String.class, args.toArray()))
                .toUpperCase();
        assertThat(plan).contains("EVALUATION_EVENT_TIME").doesNotContain("TABLE SCAN");
    }
}
