package org.beacon.service.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.SituationProblem;
import org.beacon.service.web.InvalidRequestException.FieldError;

/**
 * The field errors of one answer (a situation, a batch, a risk map), kept short whatever was sent: a long list of
 * valid names or values (every indicator, every event type) is given once, and the errors that would repeat it point
 * at it; a risk map lists at most {@link #MAX_LISTED} errors and a batch at most {@link #MAX_IN_BATCH} in all.
 * Without this, a request with a million wrong names got an answer fifty times its size. One per request; not
 * thread-safe.
 */
final class AnswerErrors {

    /** Most errors a refused risk map lists: the rest of its regions are not checked. */
    static final int MAX_LISTED = 100;
    /** Most errors a batch lists in all; after them each refused situation gives its first error and a count. */
    static final int MAX_IN_BATCH = 1_000;

    private final Map<String, String> listedAt = new HashMap<>();
    private final Locale language;
    private int listed;
    private boolean translated;

    /** Errors told in English. */
    AnswerErrors() {
        this(Locale.ENGLISH);
    }

    /** @param language the language of the situation problems' words ({@link org.beacon.service.web.AnswerLanguage#of}) */
    AnswerErrors(Locale language) {
        this.language = language;
    }

    /** {@code p} as a field error under {@code prefix}, its listing replaced when this answer gave it already. */
    FieldError of(String prefix, SituationProblem p) {
        SituationProblem shown = p;
        if (p.listing() != null) {
            String where = listedAt.putIfAbsent(p.listing(), prefix + p.pointer());
            if (where != null) {
                shown = p.listedAt(where);
            }
        }
        String detail = shown.message(language);
        translated |= !detail.equals(shown.message());
        return new FieldError(prefix + shown.pointer(), detail);
    }

    /**
     * The language some error of this answer was translated into, to tell as {@code Content-Language}; null while
     * every error is in English (the request's own shape errors always are).
     */
    Locale translatedInto() {
        return translated ? language : null;
    }

    /**
     * One batch item's errors as the batch lists them: all while the batch has listed fewer than
     * {@link #MAX_IN_BATCH}, then the first and a count of the others.
     */
    List<FieldError> listed(List<FieldError> errors, String prefix) {
        if (listed < MAX_IN_BATCH || errors.size() <= 1) {
            listed += errors.size();
            return errors;
        }
        listed += 2;
        List<FieldError> shown = new ArrayList<>(2);
        shown.add(errors.get(0));
        shown.add(new FieldError(prefix, String.format(Locale.ROOT, "%,d more problems in this situation, not "
                + "listed: a batch's answer lists %,d in all", errors.size() - 1, MAX_IN_BATCH)));
        return shown;
    }
}
