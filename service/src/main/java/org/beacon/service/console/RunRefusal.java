package org.beacon.service.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.service.replay.InvalidReplayInputException;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.beacon.service.web.Problems;
import org.springframework.context.MessageSource;

/**
 * A long run's start refused, as a form page shows it above itself, in the page's language: a title chosen by the
 * API problem's {@code type} ({@code refusal.<type>} in the console's bundles), its detail by the same type
 * ({@code refusal.<type>.detail}), and each field's error by the field it names ({@code refusal.field.<field>}).
 * The replay, calibration and impact forms send the API's fields to the API's service, so the refusal is what
 * {@code POST /replays}, {@code POST /calibrations} or {@code POST /rule-sets/{id}/impact} would have answered; only
 * its words are the console's. The API's English detail stays only where the bundles have no words for that case
 * (a kind of problem added later), and the values it quotes (a step typed, a window's counts) are carried into the
 * console's sentence; a detail that carries its key of the diagnostics bundle (a sweep refused) is carried in the
 * page's language. A file's errors come with their file and line, in the language the replay's own bundle gives.
 *
 * @param detail null when the field errors already say it
 */
record RunRefusal(int status, String title, String detail, List<FieldError> errors) {

    /** A value the API quotes ({@code 'weekly' is not a step}). */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    static RunRefusal of(RuntimeException refused, MessageSource texts, Locale locale) {
        if (refused instanceof InvalidRequestException e) {
            return new RunRefusal(Problems.INVALID_REQUEST.status(), title(Problems.INVALID_REQUEST, null, texts,
                    locale), null, e.errors().stream().map(f -> field(f, texts, locale)).toList());
        }
        if (refused instanceof InvalidReplayInputException e) {
            return new RunRefusal(Problems.INVALID_REQUEST.status(), title(Problems.INVALID_REQUEST, null, texts,
                    locale), null, e.issues().stream().map(i -> new FieldError(i.where(), i.detail(locale)))
                    .toList());
        }
        if (refused instanceof ProblemException e) {
            var p = e.problem();
            List<FieldError> errors = p.getProperties() != null && p.getProperties().get("errors") instanceof List<?> l
                    ? l.stream().filter(Map.class::isInstance).map(Map.class::cast).map(m -> field(new FieldError(
                            String.valueOf(m.get("pointer")), String.valueOf(m.get("detail"))), texts, locale))
                            .toList()
                    : List.of();
            String detail = words("refusal." + e.kind().name() + ".detail", null, p.getDetail(), texts, locale);
            return new RunRefusal(p.getStatus(), title(e.kind(), p.getTitle(), texts, locale),
                    errors.size() == 1 ? null : detail, errors);
        }
        throw new IllegalArgumentException("not a refusal the API answers with a problem: " + refused);
    }

    private static String title(ProblemType kind, String apiTitle, MessageSource texts, Locale locale) {
        return words("refusal." + kind.name(), null, apiTitle == null ? kind.title() : apiTitle, texts, locale);
    }

    /**
     * The field's words from the bundles with the API's detail as {0} and the values it quotes (or else its numbers)
     * as {1}, {2} …; the API's detail as it is for a field the bundles do not name.
     */
    private static FieldError field(FieldError f, MessageSource texts, Locale locale) {
        String name = f.pointer().replaceFirst("^[?/]", "");
        String key = f.detail().contains("must be one line") ? "refusal.field.oneLine" : "refusal.field." + name;
        // a detail that came with its bundle key (a sweep the rules refused) is said in the page's language
        String detail = f.text() == null ? f.detail() : DiagnosticMessages.render(f.text(), locale);
        Object[] arguments = arguments(f.detail());
        arguments[0] = detail;
        return new FieldError(f.pointer(), words(key, arguments, detail, texts, locale));
    }

    /** The bundles' words, or the API's as they are (not read as a pattern: they may hold quotes and braces). */
    private static String words(String key, Object[] arguments, String api, MessageSource texts, Locale locale) {
        String words = texts.getMessage(key, arguments, null, locale);
        return words != null ? words : api;
    }

    private static Object[] arguments(String detail) {
        List<Object> values = new ArrayList<>(List.of(detail));
        Matcher quoted = QUOTED.matcher(detail);
        while (quoted.find()) {
            values.add(quoted.group(1));
        }
        if (values.size() == 1) {
            Matcher number = NUMBER.matcher(detail);
            while (number.find()) {
                values.add(number.group());
            }
        }
        return values.toArray();
    }
}
