package org.beacon.service.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.IsoDate;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The situations of the audit trail, read back to be decided again (by an impact run): oldest first, a page of rows
 * at a time by key (never an offset, never the whole window in memory). A row stored before the audit kept signal
 * series (migration V7) whose answer shows signals cannot be decided again: it comes with no situation, so a caller
 * counts it rather than guessing its series. Thread-safe.
 */
@Repository
public class AuditedSituations {

    private static final int PAGE = 500;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcTemplate jdbc;

    AuditedSituations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which rows: stored in {@code [from, to)}, of one region and one event type when given.
     */
    public record Window(Instant from, Instant to, String regionCode, String eventType) {
    }

    /**
     * @param situation what was decided, signal series included; null when the row cannot be decided again
     */
    public record Audited(UUID id, Instant evaluatedAt, Situation situation) {
    }

    /** A signal as the audit keeps its series. */
    record SignalSeries(String source, LocalDate start, double[] values) {
    }

    static SignalSeries view(Signal s) {
        return new SignalSeries(s.source(), s.start(), s.values());
    }

    public long count(Window w) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("select count(*) from evaluation" + where(w, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Hands every row of the window to {@code each}, oldest first, at most {@code limit} of them. */
    public void forEach(Window w, long limit, Consumer<Audited> each) {
        OffsetDateTime afterTime = null;
        UUID afterId = null;
        long seen = 0;
        while (seen < limit) {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select id, evaluated_at, decision_json, decision_deflated,"
                    + " signals_deflated from evaluation").append(where(w, args));
            if (afterTime != null) {
                sql.append(" and (evaluated_at > ? or (evaluated_at = ? and id > ?))");
                args.add(afterTime);
                args.add(afterTime);
                args.add(afterId);
            }
            sql.append(" order by evaluated_at, id limit ?");
            args.add((int) Math.min(PAGE, limit - seen));
            List<Audited> page = jdbc.query(sql.toString(), (rs, n) -> {
                String json = rs.getString(3); // rows stored before V5
                byte[] signals = rs.getBytes(5);
                return new Audited(rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        situation(json != null ? json : DeflatedJson.inflate(rs.getBytes(4)),
                                signals == null ? null : DeflatedJson.inflate(signals)));
            }, args.toArray());
            if (page.isEmpty()) {
                return;
            }
            for (Audited a : page) {
                each.accept(a);
            }
            seen += page.size();
            Audited last = page.get(page.size() - 1);
            afterTime = OffsetDateTime.ofInstant(last.evaluatedAt(), ZoneOffset.UTC);
            afterId = last.id();
        }
    }

    private static String where(Window w, List<Object> args) {
        return EvaluationAudit.where(w.from(), w.to(), w.regionCode(), w.eventType(), args);
    }

    /** The situation a stored answer decided; null when it had signals whose series were not kept. */
    static Situation situation(String decisionJson, String signalsJson) {
        JsonNode root = JSON.readTree(decisionJson);
        JsonNode s = root.path("situation");
        boolean hadSignals = root.path("signals").isArray() && !root.path("signals").isEmpty();
        if (hadSignals && signalsJson == null) {
            return null;
        }
        JsonNode r = s.path("region");
        Region region = r.isObject() ? new Region(text(r, "code"), text(r, "name"),
                AdminLevel.normalised(text(r, "level"))) : null;
        LocalDate asOf = text(s, "asOf") == null ? null : IsoDate.parse(text(s, "asOf"));
        Map<String, Object> indicators = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.path("indicators").properties()) {
            JsonNode v = e.getValue();
            indicators.put(e.getKey(), v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue())
                    : v.isNumber() ? v.decimalValue() : v.isBoolean() ? (Object) v.booleanValue()
                    : v.isNull() ? null : v.asString());
        }
        List<Signal> signals = new ArrayList<>();
        if (signalsJson != null) {
            for (JsonNode g : JSON.readTree(signalsJson)) {
                double[] values = new double[g.path("values").size()];
                for (int d = 0; d < values.length; d++) {
                    values[d] = g.path("values").get(d).doubleValue();
                }
                signals.add(new Signal(text(g, "source"), IsoDate.parse(text(g, "start")), values));
            }
        }
        return new Situation(text(s, "eventType"), region, asOf, indicators, signals);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
