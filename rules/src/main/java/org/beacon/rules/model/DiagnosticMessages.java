package org.beacon.rules.model;

import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Shows diagnostics and the words inside them in English or 简体中文, from the bundles
 * {@code org/beacon/rules/diagnostics.properties} (English) and {@code diagnostics_zh.properties}. Any locale whose
 * language is Chinese gets Chinese; every other locale gets English, never the JVM's default (a server in Shanghai
 * answers an English request in English). Thread-safe: the bundles are cached by {@link ResourceBundle}.
 */
public final class DiagnosticMessages {

    static final String BUNDLE = "org.beacon.rules.diagnostics";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private DiagnosticMessages() {
    }

    /** The languages the bundles are written in: English first, the language of every stored message. */
    public static List<Locale> languages() {
        return List.of(Locale.ENGLISH, Locale.CHINESE);
    }

    /** Chinese for any Chinese locale ({@code zh}, {@code zh-CN}, {@code zh-Hans}…), English for anything else. */
    public static boolean isChinese(Locale locale) {
        return locale != null && locale.getLanguage().equals(Locale.CHINESE.getLanguage());
    }

    public static String english(Message message) {
        return render(message, Locale.ENGLISH);
    }

    /** The diagnostic's message in {@code locale}'s language; its English message where it carries no key. */
    public static String message(Diagnostic d, Locale locale) {
        return d.text() == null || !isChinese(locale) ? d.message() : render(d.text(), locale);
    }

    /** The outcome's message in {@code locale}'s language; its English message where it carries no key. */
    public static String message(TestOutcome t, Locale locale) {
        return t.text() == null || !isChinese(locale) ? t.message() : render(t.text(), locale);
    }

    public static String render(Message message, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Object[] shown = message.arguments().stream().map(a -> shown(a, bundle, locale)).toArray();
        // Every argument is a string by now, so MessageFormat adds no digit grouping or date formats of its own.
        return new MessageFormat(bundle.getString(message.key()), Locale.ROOT).format(shown);
    }

    /** Every key of the bundle for {@code locale}'s language, sorted. */
    public static TreeSet<String> keys(Locale locale) {
        TreeSet<String> keys = new TreeSet<>();
        for (Enumeration<String> e = bundle(locale).getKeys(); e.hasMoreElements(); ) {
            keys.add(e.nextElement());
        }
        return keys;
    }

    /** The pattern of {@code key} in {@code locale}'s language, as written in the bundle. */
    public static String pattern(String key, Locale locale) {
        return bundle(locale).getString(key);
    }

    private static String shown(Object argument, ResourceBundle bundle, Locale locale) {
        if (argument instanceof Message m) {
            return render(m, locale);
        }
        if (argument instanceof Message.Joined j) {
            return j.items().stream().map(i -> shown(i, bundle, locale))
                    .collect(Collectors.joining(bundle.getString(j.separatorKey())));
        }
        return String.valueOf(argument);
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, isChinese(locale) ? Locale.CHINESE : Locale.ROOT, NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the diagnostics bundle " + BUNDLE + " is missing from the jar", e);
        }
    }
}
