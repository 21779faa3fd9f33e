package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.beacon.service.calibration.CalibrationRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's form for starting a calibration, as sent: the timeline and actual decisions as the replay form sends
 * them, the version, the objective, and rows of a parameter chosen from the version's Parameters with its range and
 * step. Each chosen row becomes one {@code vary} of {@code POST /calibrations} ({@code name=from..to:step}), so that
 * a range the API would refuse is refused by the API's own words.
 */
record CalibrationForm(MultipartFile timeline, String example, MultipartFile actual, String actualExample,
        String source, String step, String missingDays, String ruleSet, String objective, List<Range> ranges) {

    /** Rows the form offers: two parameters make the page's heat map, a third varies one more. */
    static final int ROWS = 3;

    /** One row of the form; a row without a parameter chosen is not sent. */
    record Range(String parameter, String from, String to, String by) {

        boolean chosen() {
            return parameter != null && !parameter.isBlank();
        }

        String vary() {
            return parameter.strip() + "=" + text(from) + ".." + text(to) + ":" + text(by);
        }

        private static String text(String value) {
            return value == null ? "" : value.strip();
        }
    }

    /** An empty form: the version in force, the rows blank. */
    static CalibrationForm empty(String ruleSet) {
        List<Range> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Range(null, null, null, null));
        }
        return new CalibrationForm(null, null, null, null, null, null, null, ruleSet, null, rows);
    }

    /**
     * The form as the browser sent it. The rows are read by position from the repeated fields, blank ones kept, so
     * that the third {@code from} stays the third row's even when the second is empty.
     */
    static CalibrationForm read(HttpServletRequest request, MultipartFile timeline, MultipartFile actual) {
        String[] parameters = values(request, "parameter");
        String[] from = values(request, "from");
        String[] to = values(request, "to");
        String[] by = values(request, "by");
        List<Range> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(ROWS, parameters.length); i++) {
            rows.add(new Range(parameters[i], at(from, i), at(to, i), at(by, i)));
        }
        while (rows.size() < ROWS) {
            rows.add(new Range(null, null, null, null));
        }
        return new CalibrationForm(timeline, request.getParameter("example"), actual,
                request.getParameter("actualExample"), request.getParameter("source"), request.getParameter("step"),
                request.getParameter("missingDays"), request.getParameter("ruleSet"),
                request.getParameter("objective"), rows);
    }

    /** What {@code POST /calibrations} receives for this form. */
    CalibrationRequest request() {
        return new CalibrationRequest(timeline, example, actual, actualExample, null, source, step, missingDays,
                null, null, ruleSet, ranges.stream().filter(Range::chosen).map(Range::vary).toList(), objective);
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }
}
