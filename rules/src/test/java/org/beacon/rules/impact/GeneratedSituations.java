package org.beacon.rules.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;

/**
 * A seeded stream of varied situations for the bundled tables, made one at a time (never a list): cholera with 0–59
 * cases in one to three counties, in any region level and week of 2026, beside plague, class B/C, measles in a
 * school, poisonings, clusters and new diseases.
 */
public final class GeneratedSituations implements Iterator<Situation> {

    private static final AdminLevel[] LEVELS = {AdminLevel.COUNTY, AdminLevel.PREFECTURE, AdminLevel.PROVINCE};

    private final SplittableRandom random;
    private final long count;
    private long made;

    public GeneratedSituations(long count, long seed) {
        this.count = count;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean hasNext() {
        return made < count;
    }

    @Override
    public Situation next() {
        SplittableRandom r = random;
        Map<String, Object> ind = new LinkedHashMap<>();
        String eventType;
        switch ((int) (made++ % 9)) {
            case 0, 1, 2 -> {
                eventType = "cholera";
                ind.put("cases", r.nextInt(0, 60));
                ind.put("countiesAffected", r.nextInt(1, 4));
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
                ind.put("ratioTo5yMean", BigDecimal.valueOf(r.nextInt(0, 50), 1));
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
                eventType = "unexplainedCluster";
                ind.put("countiesAffected", r.nextInt(1, 4));
                ind.put("provincesAffected", r.nextInt(1, 3));
                ind.put("spreading", r.nextBoolean());
            }
            default -> {
                eventType = "newDisease";
                ind.put("cases", r.nextInt(0, 10));
                ind.put("spreading", r.nextBoolean());
            }
        }
        AdminLevel level = LEVELS[r.nextInt(LEVELS.length)];
        return new Situation(eventType, Region.at("3301" + r.nextInt(10, 99), "浙江某地", level),
                LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365)), ind);
    }

    /** The id a test gives the n-th situation. */
    public static String id(long n) {
        return "s" + n;
    }

}
