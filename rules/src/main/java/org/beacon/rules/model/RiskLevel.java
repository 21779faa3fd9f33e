package org.beacon.rules.model;

import java.util.Locale;
import java.util.Optional;

/** Risk level of 传染病疫情预警管理办法（试行）(2025): 极低, 低, 中, 高 (criteria §7); high the most serious. */
public enum RiskLevel {
    HIGH("高", "high"), MEDIUM("中", "medium"), LOW("低", "low"), VERY_LOW("极低", "very low");

    private final String chineseName;
    private final String englishName;

    RiskLevel(String chineseName, String englishName) {
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    public boolean isMoreSeriousThan(RiskLevel other) {
        return ordinal() < other.ordinal();
    }

    /** Reads {@code 高}, {@code 高风险}, {@code high}, {@code very low}, {@code veryLow}. */
    public static Optional<RiskLevel> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("风险", "").replaceAll("[\\s_-]", "");
        for (RiskLevel r : values()) {
            if (t.equals(r.chineseName) || t.equals(r.code()) || t.equals(r.englishName.replace(" ", ""))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
