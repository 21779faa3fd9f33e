package org.beacon.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.QuotedInput;

/** Turns a request into a situation the rule set accepts, or into field errors with pointers. */
final class SituationMapper {

    /** The audit trail's columns: a longer code or name could only be stored cut short. */
    private static final int MAX_CODE = 50;
    private static final int MAX_NAME = 200;

    private SituationMapper() {
    }

    /** Region text as the audit trail can keep it and a search can find it: not too long, no control characters. */
    private static void text(String value, int max, String pointer, List<InvalidRequestException.FieldError> errors) {
        if (value.length() > max) {
            errors.add(new InvalidRequestException.FieldError(pointer, "at most " + max + " characters, not "
                    + value.length()));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidRequestException.FieldError(pointer, "must not contain control characters "
                    + "(line breaks, tabs, NUL …)"));
        }
    }


    /** A signal as the rules take it; a missing day is an error, never a silent zero. */
    private static Signal signal(EvaluationRequest.SignalRequest request, String pointer,
            List<InvalidRequestException.FieldError> errors) {
        if (request == null) {
            return null;
        }
        double[] values = null;
        if (request.values() != null) {
            values = new double[request.values().size()];
            for (int d = 0; d < values.length; d++) {
                Double v = request.values().get(d);
                if (v == null) {
                    errors.add(new InvalidRequestException.FieldError(pointer + "/values/" + d, "a day without a count: "
                            + "send 0 when nothing was counted, or start the series after the gap"));
                    return null;
                }
                values[d] = v;
            }
        }
        return new Signal(request.source(), request.start(), values);
    }

    /**
     * @param prefix pointer prefix, e.g. {@code /situations/3} inside a batch, "" for a single request
     * @param answer the errors the answer holds so far, so that a long listing is given once per answer
     * @throws InvalidRequestException naming every offending field
     */
    static CheckedSituation toSituation(EvaluationRequest request, CompiledRuleSet ruleSet, String prefix,
            AnswerErrors answer) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        Region region = null;
        if (request.region() != null) {
            // which levels exist is the rule set's Dictionary's to say: the situation check holds the level to it
            String level = AdminLevel.normalised(request.region().level());
            // a missing code is the rule set's check to report, as for a situation file (beacon evaluate)
            if (request.region().code() != null) {
                text(request.region().code(), MAX_CODE, prefix + "/region/code", errors);
            }
            if (request.region().name() != null) {
                text(request.region().name(), MAX_NAME, prefix + "/region/name", errors);
            }
            region = new Region(request.region().code(), request.region().name(), level);
        }
        List<Signal> signals = new ArrayList<>();
        if (request.signals() != null) {
            for (int i = 0; i < request.signals().size(); i++) {
                signals.add(signal(request.signals().get(i), prefix + "/signals/" + i, errors));
            }
        }
        if (request.asOf() != null && (request.asOf().getYear() < 1 || request.asOf().getYear() > 9999)) {
            errors.add(new InvalidRequestException.FieldError(prefix + "/asOf", "asOf must be a date between "
                    + "0001-01-01 and 9999-12-31"));
        }
        Situation situation = new Situation(request.eventType(), region, request.asOf(), request.indicators(),
                signals);
        if (!errors.isEmpty() && signals.contains(null)) {
            throw new InvalidRequestException(errors); // a signal with a missing day: say only that
        }
        CheckedSituation checked = ruleSet.check(situation);
        for (SituationProblem p : checked.problems()) {
            errors.add(answer.of(prefix, p));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, answer.translatedInto());
        }
        return checked;
    }
}
