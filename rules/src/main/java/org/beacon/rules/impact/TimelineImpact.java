package org.beacon.rules.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.replay.DerivedIndicators;
import org.beacon.rules.replay.ReplayResult.ArmStep;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;

/**
 * A timeline replayed with both versions (the replay's own escalation state per version), each region-step then
 * decided again by each version with what that version's replay saw that day (the derived indicators, its current
 * level and how long it has held), so the replay's day and the impact's situation are the same.
 */
final class TimelineImpact implements Replayer.Listener {

    private final ImpactComparison into;
    private final String name;
    private final Timeline timeline;
    private final CompiledRuleSet[] versions;
    private int region;

    TimelineImpact(ImpactComparison into, String name, Timeline timeline, CompiledRuleSet before,
            CompiledRuleSet after) {
        this.into = into;
        this.name = name;
        this.timeline = timeline;
        this.versions = new CompiledRuleSet[] {before, after};
    }

    void replay(int threads) {
        new Replayer(List.of(Replayer.Arm.pinned("before", versions[0]), Replayer.Arm.pinned("after", versions[1])),
                null, threads).run(timeline, this);
    }

    /** Regions arrive in the timeline's order, one call each, so the n-th call is the n-th series. */
    @Override
    public void region(List<Step> steps) {
        Timeline.Series series = timeline.regions().get(region++);
        Region where = new Region(series.regionCode(), series.regionName(), series.level());
        Grade[] level = new Grade[2];
        LocalDate[] since = new LocalDate[2];
        for (Step step : steps) {
            into.countSituation();
            String id = name + ":" + series.regionCode() + "@" + step.date();
            CheckedSituation[] checked = new CheckedSituation[2];
            for (int v = 0; v < 2; v++) {
                checked[v] = versions[v].check(new Situation(series.eventType(), where, step.date(),
                        values(versions[v].dictionary(), step, level[v], since[v])));
            }
            if (!checked[0].isValid()) {
                into.countInvalidBefore();
            } else if (!checked[1].isValid()) {
                into.refused(id, checked[1].problems());
            } else {
                Decision old = versions[0].evaluate(checked[0], false);
                Decision now = versions[1].evaluate(checked[1], false);
                into.compare(id, step.date(), old, now, level(step.arms().get(0)), level(step.arms().get(1)));
            }
            for (int v = 0; v < 2; v++) {
                ArmStep arm = step.arms().get(v);
                if (arm.transition() != null) {
                    level[v] = arm.level();
                    since[v] = step.date();
                }
            }
        }
    }

    private static String level(ArmStep arm) {
        return arm.level() == null ? "none" : arm.level().numeral();
    }

    /** The step's derived values this dictionary declares, and the version's level as its replay had it. */
    private Map<String, Object> values(Dictionary dictionary, Step step, Grade level, LocalDate since) {
        Map<String, Object> values = new LinkedHashMap<>();
        step.indicators().forEach((k, v) -> {
            if (dictionary.find(k).isPresent()) {
                values.put(k, v);
            }
        });
        if (level == null) {
            return values;
        }
        Indicator current = dictionary.find(DerivedIndicators.CURRENT_LEVEL).orElse(null);
        String value = current == null ? null : current.enumValue(level.name()).orElse(null);
        if (value != null) {
            values.put(DerivedIndicators.CURRENT_LEVEL, value);
            if (dictionary.find(DerivedIndicators.DAYS_AT_CURRENT_LEVEL).isPresent()) {
                values.put(DerivedIndicators.DAYS_AT_CURRENT_LEVEL, BigDecimal.valueOf(
                        timeline.step() == Timeline.Step.DAY ? ChronoUnit.DAYS.between(since, step.date())
                                : ChronoUnit.MONTHS.between(since, step.date())));
            }
        }
        return values;
    }
}
