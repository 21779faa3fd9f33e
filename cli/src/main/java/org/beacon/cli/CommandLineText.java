package org.beacon.cli;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.replay.DataIssue;

/**
 * What the command line says to a person, in English or 简体中文: its own lines from the bundle
 * {@code org/beacon/cli/messages.properties} ({@code messages_zh.properties}), diagnostics from the rules' bundle.
 * JSON output is never translated. Immutable.
 */
final class CommandLineText {

    private static final String BUNDLE = "org.beacon.cli.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private CommandLineText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    static CommandLineText english() {
        return new CommandLineText(Locale.ROOT);
    }

    /** Chinese for a Chinese locale, English for any other: the JVM's default locale when no --lang is given. */
    static CommandLineText of(Locale locale) {
        return DiagnosticMessages.isChinese(locale) ? new CommandLineText(Locale.CHINESE) : english();
    }

    /**
     * The language {@code --lang} names: {@code zh} or {@code en} (any case).
     *
     * @throws IllegalArgumentException naming the choices, for anything else
     */
    static CommandLineText of(String lang) {
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "zh" -> new CommandLineText(Locale.CHINESE);
            case "en" -> english();
            default -> throw new IllegalArgumentException(english().get("error.lang", lang));
        };
    }

    /** A line of the bundle with its arguments, kept to be said in whichever language the command speaks. */
    record Line(String key, List<Object> args) {

        Line(String key, Object... args) {
            this(key, Arrays.asList(args));
        }

        String in(CommandLineText text) {
            return text.get(key, args.toArray());
        }

        String inEnglish() {
            return in(english());
        }
    }

    Locale locale() {
        return locale;
    }

    /** The bundle's line {@code key} with its arguments, each shown as it is (no digit grouping). */
    String get(String key, Object... args) {
        Object[] shown = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(shown);
    }

    /** {@code national-grading.xlsx Cholera!C9 ERROR INVALID_VALUE: ...}: code and cell as in English. */
    String diagnostic(Diagnostic d) {
        String where = d.location().isEmpty() ? d.workbook() : d.workbook() + " " + d.location();
        return get("diagnostic", where, get("severity." + d.severity().name()), d.code(),
                DiagnosticMessages.message(d, locale));
    }

    /** {@code situation.json /indicators/casez: unknown indicator …}: the file and pointer as in English. */
    String situationProblem(Object situationFile, SituationProblem p) {
        return get("situationProblem", situationFile, p.pointer(), p.message(locale));
    }

    /** {@code ERROR INVALID_VALUE timeline.csv:3 date: ...}: a replay's data issue, code and place as in English. */
    String dataIssue(DataIssue i) {
        return get("dataIssue", get("severity." + (i.error() ? "ERROR" : "WARNING")), i.code(), i.where(),
                i.detail(locale));
    }

    String testOutcome(TestOutcome t) {
        return DiagnosticMessages.message(t, locale);
    }
}
