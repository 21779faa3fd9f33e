package org.beacon.service.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.evaluation.AuditTrail;
import org.beacon.service.evaluation.EvaluationService;
import org.beacon.service.evaluation.EvaluationSummary;
import org.springframework.stereotype.Component;

/**
 * The home page's picture for command staff, from the audit trail: the latest decision of each region today, how
 * many regions are at each grade and colour, which changed against yesterday's latest, and which are close to
 * escalation (the margins of their latest decision). Thread-safe.
 */
@Component
class TodaysPicture {

    /** Regions whose margins are looked at: the most recently decided; margins decide a situation several times. */
    static final int MARGIN_REGIONS = 50;
    static final int CLOSE_SHOWN = 10;
    static final int CHANGES_SHOWN = 20;

    /** @param grade null counts the regions without a grade */
    record GradeCount(Grade grade, int count) {
    }

    /** @param colour null counts the regions without a colour */
    record ColourCount(WarningColour colour, int count) {
    }

    /** A region whose answer today differs from yesterday's latest. */
    record Change(AuditRow before, AuditRow now, boolean graver) {
    }

    /** A region one indicator's small rise away from a graver answer. */
    record Close(AuditRow row, MarginLines.Line line, int percent) {
    }

    record Picture(LocalDate day, int regions, List<GradeCount> grades, List<ColourCount> colours,
            List<Change> changes, int changed, int newToday, List<Close> close) {
    }

    private final AuditTrail trail;
    private final EvaluationService evaluations;
    /** A stored decision's margins never change: the same situation, the same version. */
    private final Cache<UUID, Optional<MarginLines>> margins = Caffeine.newBuilder().maximumSize(10_000).build();

    TodaysPicture(AuditTrail trail, EvaluationService evaluations) {
        this.trail = trail;
        this.evaluations = evaluations;
    }

    Picture of(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        Instant midnight = today.atStartOfDay(zone).toInstant();
        Instant yesterday = today.minusDays(1).atStartOfDay(zone).toInstant();
        Map<String, AuditRow> now = rows(trail.latestPerRegion(null, midnight, null), zone);
        Map<String, AuditRow> before = rows(trail.latestPerRegion(null, yesterday, midnight), zone);

        List<GradeCount> grades = new ArrayList<>();
        for (Grade g : Grade.values()) {
            grades.add(new GradeCount(g, (int) now.values().stream().filter(r -> r.grade() == g).count()));
        }
        grades.add(new GradeCount(null, (int) now.values().stream().filter(r -> r.grade() == null).count()));
        List<ColourCount> colours = new ArrayList<>();
        for (WarningColour c : WarningColour.values()) {
            colours.add(new ColourCount(c, (int) now.values().stream().filter(r -> r.colour() == c).count()));
        }
        colours.add(new ColourCount(null, (int) now.values().stream().filter(r -> r.colour() == null).count()));

        List<Change> changes = new ArrayList<>();
        int newToday = 0;
        for (AuditRow r : now.values()) {
            AuditRow was = before.get(r.regionCode());
            if (was == null) {
                newToday++;
            } else if (was.grade() != r.grade() || was.colour() != r.colour()) {
                changes.add(new Change(was, r, r.seriousness() > was.seriousness()));
            }
        }
        changes.sort(Comparator.comparing(Change::graver).reversed()
                .thenComparing(c -> c.now().regionCode()));
        return new Picture(today, now.size(), grades, colours,
                changes.subList(0, Math.min(CHANGES_SHOWN, changes.size())), changes.size(), newToday, close(now));
    }

    private List<Close> close(Map<String, AuditRow> now) {
        List<Close> close = new ArrayList<>();
        now.values().stream().limit(MARGIN_REGIONS).forEach(r -> margins.get(r.id(), id -> evaluations.margins(id)
                .map(MarginLines::of)).ifPresent(m -> {
                    MarginLines.Line nearest = null;
                    double share = Double.MAX_VALUE;
                    for (MarginLines.Line line : m.lines()) {
                        Double c = MarginLines.closeness(line, r.grade(), r.colour());
                        if (c != null && c < share) {
                            share = c;
                            nearest = line;
                        }
                    }
                    if (nearest != null) {
                        close.add(new Close(r, nearest, (int) Math.ceil(share * 100)));
                    }
                }));
        close.sort(Comparator.comparingInt(Close::percent));
        return close.subList(0, Math.min(CLOSE_SHOWN, close.size()));
    }

    private static Map<String, AuditRow> rows(Map<String, EvaluationSummary> latest, ZoneId zone) {
        Map<String, AuditRow> rows = new LinkedHashMap<>();
        latest.forEach((code, s) -> rows.put(code, AuditRow.of(s, zone)));
        return rows;
    }
}
