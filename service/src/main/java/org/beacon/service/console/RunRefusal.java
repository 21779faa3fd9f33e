package org.beacon.service.console;

import java.util.List;
import java.util.Map;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.ProblemException;
import org.beacon.service.web.Problems;

/**
 * A long run's start refused, as a form page shows it above itself: the API problem's status, title and detail, and
 * each field's error. The replay and calibration forms send the API's fields to the API's service, so what they show
 * is what {@code POST /replays} or {@code POST /calibrations} would have answered.
 *
 * @param detail null when the one field error already says it
 */
record RunRefusal(int status, String title, String detail, List<FieldError> errors) {

    static RunRefusal of(InvalidRequestException e) {
        return new RunRefusal(Problems.INVALID_REQUEST.status(), Problems.INVALID_REQUEST.title(), null, e.errors());
    }

    static RunRefusal of(ProblemException e) {
        var p = e.problem();
        List<FieldError> errors = p.getProperties() != null && p.getProperties().get("errors") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(Map.class::cast).map(m -> new FieldError(
                        String.valueOf(m.get("pointer")), String.valueOf(m.get("detail")))).toList()
                : List.of();
        return new RunRefusal(p.getStatus(), p.getTitle(), errors.size() == 1 ? null : p.getDetail(), errors);
    }
}
