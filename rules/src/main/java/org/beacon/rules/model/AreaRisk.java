package org.beacon.rules.model;

import java.util.Locale;
import java.util.Optional;

/** Colour of a region on the five-colour risk map (疫情五色图, Zhejiang 2020; criteria §5.2); red the highest risk. */
public enum AreaRisk {
    RED("红", "高风险", "high"),
    ORANGE("橙", "较高风险", "fairly high"),
    YELLOW("黄", "中风险", "medium"),
    BLUE("蓝", "较低风险", "fairly low"),
    GREEN("绿", "低风险", "low");

    private final String chineseName;
    private final String riskZh;
    private final String riskEn;

    AreaRisk(String chineseName, String riskZh, String riskEn) {
        this.chineseName = chineseName;
        this.riskZh = riskZh;
        this.riskEn = riskEn;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The risk the colour stands for, e.g. 较高风险. */
    public String riskZh() {
        return riskZh;
    }

    /** The risk the colour stands for, e.g. fairly high. */
    public String riskEn() {
        return riskEn;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMoreSeriousThan(AreaRisk other) {
        return ordinal() < other.ordinal();
    }

    /** Reads {@code 红}, {@code 红色}, {@code red}. */
    public static Optional<AreaRisk> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("色")) {
            t = t.substring(0, t.length() - 1);
        }
        for (AreaRisk a : values()) {
            if (t.equals(a.chineseName) || t.equals(a.code())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
