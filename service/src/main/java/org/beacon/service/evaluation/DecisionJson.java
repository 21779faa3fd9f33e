package org.beacon.service.evaluation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beacon.service.evaluation.EvaluationResponse.CheckView;
import org.beacon.service.evaluation.EvaluationResponse.MatchView;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a decision as JSON once, for its audit row and its answer alike. The audit row keeps the explanation; an
 * answer without it ({@code ?explain=false}) is the same bytes with each match's explanation cut out, where a second
 * pass of Jackson over the decision cost a batch without explanation 44% of its CPU (issue 25). While writing, each
 * match's {@code ,"explanation":[…]} is marked by where it starts and ends in the output; the explanation is the last
 * property of a match and never its first ({@code ruleId} is), so leaving those bytes out gives exactly what the
 * application's {@link JsonMapper} writes for the decision without its explanation. Nothing is searched in the
 * bytes: a table output or an indicator text that reads {@code "explanation"} is never cut. Thread-safe.
 */
final class DecisionJson {

    /** What a match's explanation starts with in the output: the comma after {@code tag} or an earlier property. */
    private static final byte[] EXPLANATION = ",\"explanation\":".getBytes(StandardCharsets.US_ASCII);
    /** What the generator has written of it when the value's serializer is called: the colon comes with the value. */
    private static final int NAME_WRITTEN = EXPLANATION.length - 1;

    private final JsonMapper marking;

    /** @param json the application's mapper, whose output this writes byte for byte */
    DecisionJson(JsonMapper json) {
        this.marking = json.rebuild().addMixIn(MatchView.class, MarkedExplanation.class).build();
    }

    /** A decision written with its explanation, which can give the same JSON without it. */
    static final class Written {

        private final byte[] full;
        private final int[] cuts; // start and end of each explanation, in the order written

        private Written(byte[] full, int[] cuts) {
            this.full = full;
            this.cuts = cuts;
        }

        /** With its explanation: the bytes the audit keeps and {@code GET /evaluations/{id}} answers. */
        byte[] full() {
            return full;
        }

        /** The same decision without any explanation, as {@code ?explain=false} answers it. */
        byte[] withoutExplanation() {
            int removed = 0;
            for (int i = 0; i < cuts.length; i += 2) {
                removed += cuts[i + 1] - cuts[i];
            }
            byte[] lean = new byte[full.length - removed];
            int from = 0;
            int to = 0;
            for (int i = 0; i < cuts.length; i += 2) {
                if (!Arrays.equals(full, cuts[i], cuts[i] + EXPLANATION.length, EXPLANATION, 0, EXPLANATION.length)) {
                    throw new IllegalStateException("a match's explanation was not where it was marked, at byte "
                            + cuts[i]);
                }
                System.arraycopy(full, from, lean, to, cuts[i] - from);
                to += cuts[i] - from;
                from = cuts[i + 1];
            }
            System.arraycopy(full, from, lean, to, full.length - from);
            return lean;
        }
    }

    Written write(EvaluationResponse decision) {
        MarkedOutput out = new MarkedOutput();
        marking.writeValue(out, decision);
        return new Written(out.toByteArray(), out.cuts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The output of one decision, with where its explanations are. Not thread-safe: one per decision written. */
    private static final class MarkedOutput extends ByteArrayOutputStream {

        final List<Integer> cuts = new ArrayList<>();

        MarkedOutput() {
            super(24 * 1024); // a decision with its explanation is about 17 KB
        }

        /** Where the generator is now: what it passed on, and what it holds in its buffer. */
        int position(JsonGenerator gen) {
            int buffered = gen.streamWriteOutputBuffered();
            if (buffered < 0) {
                gen.flush();
                buffered = 0;
            }
            return count + buffered;
        }
    }

    /** The explanation of a match, written as always, and its place marked when written into a {@link MarkedOutput}. */
    static final class ExplanationMarks extends ValueSerializer<List<CheckView>> {

        @Override
        public void serialize(List<CheckView> value, JsonGenerator gen, SerializationContext context) {
            if (!(gen.streamWriteOutputTarget() instanceof MarkedOutput out)) {
                context.writeValue(gen, value);
                return;
            }
            // the generator has written the property's name and the comma before it; the colon comes with the value
            out.cuts.add(out.position(gen) - NAME_WRITTEN);
            context.writeValue(gen, value);
            out.cuts.add(out.position(gen));
        }
    }

    /** Puts {@link ExplanationMarks} on {@link MatchView#explanation()} for this writer only. */
    private interface MarkedExplanation {
        @JsonSerialize(using = ExplanationMarks.class)
        List<CheckView> explanation();
    }
}
