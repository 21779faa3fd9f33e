package org.beacon.service.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A batch's answer as JSON pieces that are already written: the {@link BatchResponse} document, put together from
 * each decision's own bytes. With its explanation a decision's bytes are the very bytes its audit row keeps, so a
 * decision is serialised once for both (issue 25); the pieces are then written out in order, never copied into one
 * document the size of the batch.
 *
 * @param batchId id shared by the batch's audited evaluations
 * @param count situations received
 * @param failed situations that could not be evaluated
 * @param results one per situation, in the order received
 */
record BatchAnswer(UUID batchId, int count, int failed, List<Result> results) {

    /**
     * One situation's result, as {@link BatchResponse.Item} would be written.
     *
     * @param index its position in the batch
     * @param evaluation the decision's JSON (UTF-8), or null
     * @param error the whole item's JSON (UTF-8) when the situation was not decided, or null
     */
    record Result(int index, byte[] evaluation, byte[] error) {
    }

    /** Writes the answer exactly as Jackson writes the {@link BatchResponse} of the same values. */
    void writeTo(OutputStream out) throws IOException {
        out.write(ascii("{\"batchId\":\"" + batchId + "\",\"count\":" + count + ",\"failed\":" + failed
                + ",\"results\":["));
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (i > 0) {
                out.write(',');
            }
            if (r.error() != null) {
                out.write(r.error());
            } else {
                out.write(ascii("{\"index\":" + r.index() + ",\"evaluation\":"));
                out.write(r.evaluation());
                out.write('}');
            }
        }
        out.write(ascii("]}"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
