package org.beacon.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;

/**
 * A reproducible batch of situations shaped like examples/requests/ (without surveillance signals), each example's
 * numbers drawn again so rows on both sides of the thresholds fire: cholera, plague, class B/C, measles in a school,
 * poisonings, clusters, new diseases, response capacity. Every one is checked against the tables' dictionary.
 */
final class VariedSituations {

    private static final AdminLevel[] LEVELS = {AdminLevel.COUNTY, AdminLevel.PREFECTURE, AdminLevel.PROVINCE};

    private VariedSituations() {
    }

    static List<Situation> of(CompiledRuleSet tables, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Situation> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Situation s = one(i % 12, random);
            if (!tables.check(s).isValid()) {
                throw new IllegalStateException("generated situation " + s + " does not fit: "
                        + tables.check(s).problems());
            }
            batch.add(s);
        }
        return List.copyOf(batch);
    }

    static Situation one(int kind, SplittableRandom r) {
        Map<String, Object> ind = new LinkedHashMap<>();
        String eventType;
        switch (kind) {
            case 0, 1 -> {
                eventType = "cholera";
                ind.put("cases", r.nextInt(0, 60));
                ind.put("countiesAffected", r.nextInt(1, 4));
            }
            case 2 -> {
                eventType = "cholera";
                ind.put("cases", r.nextInt(0, 60));
                ind.put("stockpileDays", r.nextInt(0, 40));
                ind.put("icuBedShare", decimal(r, 0, 20));
                ind.put("negativePressureAmbulanceShare", r.nextInt(0, 101));
                ind.put("responseMinutes", r.nextInt(10, 120));
                ind.put("daysSinceLastCase", r.nextInt(0, 30));
            }
            case 3 -> {
                eventType = "bubonicPlague";
                ind.put("cases", r.nextInt(0, 40));
                ind.put("countiesAffected", r.nextInt(1, 4));
                ind.put("prefecturesAffected", r.nextInt(1, 3));
            }
            case 4 -> {
                eventType = "classBC";
                ind.put("countiesAffected", r.nextInt(1, 4));
                ind.put("ratioTo5yMean", decimal(r, 0, 5));
            }
            case 5 -> {
                eventType = "measles";
                ind.put("cases", r.nextInt(0, 30));
                ind.put("setting", "school");
                ind.put("windowDays", r.nextInt(1, 15));
            }
            case 6 -> {
                eventType = "foodPoisoning";
                ind.put("cases", r.nextInt(0, 200));
                ind.put("deaths", r.nextInt(0, 3));
            }
            case 7 -> {
                eventType = "occupationalPoisoning";
                ind.put("cases", r.nextInt(0, 60));
                ind.put("deaths", r.nextInt(0, 6));
            }
            case 8 -> {
                eventType = "pneumonicPlague";
                ind.put("cases", r.nextInt(0, 12));
                ind.put("countiesAffected", r.nextInt(1, 3));
                ind.put("provincesAffected", 1);
                ind.put("bigOrMediumCity", r.nextBoolean());
                ind.put("spreading", r.nextBoolean());
            }
            case 9 -> {
                eventType = "unexplainedCluster";
                ind.put("countiesAffected", r.nextInt(1, 4));
                ind.put("provincesAffected", r.nextInt(1, 3));
                ind.put("spreading", r.nextBoolean());
            }
            case 10 -> {
                eventType = "newDisease";
                ind.put("cases", r.nextInt(0, 10));
                ind.put("spreading", r.nextBoolean());
            }
            default -> {
                eventType = "cholera";
                ind.put("responseGrade", List.of("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ").get(r.nextInt(4)));
                ind.put("daysSinceLastCase", r.nextInt(0, 15));
            }
        }
        AdminLevel level = LEVELS[r.nextInt(LEVELS.length)];
        return new Situation(eventType, Region.at("330106", "杭州市西湖区", level),
                LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365)), ind);
    }

    private static BigDecimal decimal(SplittableRandom r, int from, int to) {
        return BigDecimal.valueOf(r.nextInt(from * 10, to * 10), 1);
    }
}
