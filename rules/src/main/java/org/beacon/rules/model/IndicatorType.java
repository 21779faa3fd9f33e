package org.beacon.rules.model;

import java.util.Locale;
import java.util.Optional;

/** Type of an indicator, as written in the dictionary's Type column. */
public enum IndicatorType {
    INTEGER, DECIMAL, BOOLEAN, ENUM, TEXT;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type's name as a word of the reader's language: {@code integer}, 整数 … */
    public Message word() {
        return Message.word(code());
    }

    public static Optional<IndicatorType> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "integer", "int", "整数" -> Optional.of(INTEGER);
            case "decimal", "number", "小数", "数值" -> Optional.of(DECIMAL);
            case "boolean", "bool", "yes/no", "布尔", "是否" -> Optional.of(BOOLEAN);
            case "enum", "枚举" -> Optional.of(ENUM);
            case "text", "文本" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
