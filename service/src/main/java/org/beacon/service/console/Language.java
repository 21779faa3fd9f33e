package org.beacon.service.console;

import java.util.Locale;
import java.util.Optional;

/** The console's languages. English is the default for a browser that asks for neither. */
enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE, "zh", "中文"),
    EN(Locale.ENGLISH, "en", "English");

    private final Locale locale;
    private final String code;
    private final String name;

    Language(Locale locale, String code, String name) {
        this.locale = locale;
        this.code = code;
        this.name = name;
    }

    Locale locale() {
        return locale;
    }

    /** The value of the {@code lang} parameter and the language cookie: {@code zh}, {@code en}. */
    String code() {
        return code;
    }

    /** The language's name in itself, for the switch. */
    String nativeName() {
        return name;
    }

    /** The language of a locale: Chinese for any {@code zh} (the console's Chinese is simplified), else English. */
    static Language of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /** The language of a code ({@code zh}, {@code en}, any case), or empty for anything else. */
    static Optional<Language> ofCode(String code) {
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
