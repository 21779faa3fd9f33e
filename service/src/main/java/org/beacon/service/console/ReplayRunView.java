package org.beacon.service.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.beacon.rules.model.Grade;
import tools.jackson.databind.JsonNode;

/**
 * A finished replay's summary ({@code GET /replays/{id}}'s {@code summary}) as its page shows it: the figures, every
 * change of recommended level with its rows and values, each actual decision with its lag, the periods where two
 * versions disagree, and the data issues. Grades are {@link Grade}s, so the page writes each with its word.
 *
 * @param agreementPercent share of region-days at the actual level, or null without actual decisions
 */
record ReplayRunView(int regions, long steps, String first, String last, String step, List<Arm> arms,
        Double agreementPercent, List<Transition> transitions, List<Lag> lags, List<Divergence> divergences,
        List<Issue> issues, long millis) {

    /** The issues a page lists; the rest are counted, and all are in the downloads. */
    static final int ISSUES_SHOWN = 200;

    record Arm(String label, List<String> ruleSets) {
    }

    /** @param from null: no response before */
    record Transition(String region, String regionName, String date, String arm, String kind, Grade from, Grade to,
            List<String> rows, List<String> reasons) {
    }

    /** @param lagDays null: the tables never recommended it; negative: they were earlier */
    record Lag(String region, String date, Grade from, Grade to, String recommended, Long lagDays, String note) {
    }

    record Divergence(String region, String regionName, String from, String to, Grade first, Grade second) {
    }

    record Issue(boolean error, String code, String where, String detail) {
    }

    /** What the page shows of one region: its transitions, its actual decisions with their lags, its divergences. */
    record Region(List<Transition> transitions, List<Lag> lags, List<Divergence> divergences) {
    }

    /** What a run was given, as {@code inputs} holds it. */
    record Inputs(String timeline, String timelineSha256, String actual, String actualSha256, String source,
            String step, String missingDays, String eventType, String level, List<Arm> arms) {
    }

    static ReplayRunView of(JsonNode s) {
        JsonNode actual = s.path("actual");
        Double agreement = actual.isObject() ? Math.round(actual.path("agreement").asDouble() * 1000) / 10.0 : null;
        return new ReplayRunView(s.path("regions").asInt(), s.path("steps").asLong(), text(s, "first"),
                text(s, "last"), text(s, "step"), list(s.path("arms"), ReplayRunView::arm), agreement,
                list(s.path("transitions"), t -> new Transition(text(t, "region"), text(t, "regionName"),
                        text(t, "date"), text(t, "arm"), text(t, "kind"), grade(t, "from"), grade(t, "to"),
                        strings(t.path("rows")), strings(t.path("reasons")))),
                list(actual.path("transitions"), a -> new Lag(text(a, "region"), text(a, "date"), grade(a, "from"),
                        grade(a, "to"), text(a, "recommended"), a.path("lagDays").isNumber()
                        ? a.path("lagDays").asLong() : null, text(a, "note"))),
                list(s.path("divergences"), d -> new Divergence(text(d, "region"), text(d, "regionName"),
                        text(d, "from"), text(d, "to"), grade(d, "first"), grade(d, "second"))),
                list(s.path("issues"), i -> new Issue(i.path("error").asBoolean(), text(i, "code"), text(i, "where"),
                        text(i, "detail"))), s.path("millis").asLong());
    }

    static Inputs inputs(JsonNode in) {
        return new Inputs(text(in, "timeline"), text(in, "timelineSha256"), text(in, "actual"),
                text(in, "actualSha256"), text(in, "source"), text(in, "step"), text(in, "missingDays"),
                text(in, "eventType"), text(in, "level"), list(in.path("arms"), ReplayRunView::arm));
    }

    Region region(String code) {
        return new Region(transitions.stream().filter(t -> code.equals(t.region())).toList(),
                lags.stream().filter(l -> code.equals(l.region())).toList(),
                divergences.stream().filter(d -> code.equals(d.region())).toList());
    }

    public List<Issue> shownIssues() {
        return issues.size() <= ISSUES_SHOWN ? issues : issues.subList(0, ISSUES_SHOWN);
    }

    public boolean compared() {
        return arms.size() > 1;
    }

    private static Arm arm(JsonNode a) {
        return new Arm(text(a, "label"), strings(a.path("ruleSets")));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        List<T> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(each.apply(n)));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        return list(array, JsonNode::asString);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    private static Grade grade(JsonNode n, String field) {
        return Grade.parse(text(n, field)).orElse(null);
    }
}
