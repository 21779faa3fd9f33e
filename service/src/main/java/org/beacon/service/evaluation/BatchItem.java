package org.beacon.service.evaluation;

import org.beacon.service.web.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One situation of a batch as read from the request: the request, or why it could not be read. Items are read from
 * the body's token stream straight into {@link EvaluationRequest}, with no tree per item (issue 25); an item that
 * does not bind fails alone, as when each was a tree converted on its own, while a body that is not JSON at all is
 * still refused whole.
 *
 * @param request the situation, or null when it could not be read
 * @param pointer where in the item it went wrong ("" for the item itself), or null
 * @param detail what went wrong, or null
 */
@JsonDeserialize(using = BatchItem.Reader.class)
record BatchItem(EvaluationRequest request, String pointer, String detail) {

    static final String NOT_AN_OBJECT = "a situation must be a JSON object";

    /** Reads one item where it stands in the body's stream, and leaves the stream after it whatever happened. */
    static final class Reader extends ValueDeserializer<BatchItem> {

        @Override
        public BatchItem deserialize(JsonParser p, DeserializationContext context) {
            if (!p.hasToken(JsonToken.START_OBJECT)) {
                p.skipChildren();
                return new BatchItem(null, "", NOT_AN_OBJECT);
            }
            TokenStreamContext batch = p.streamReadContext().getParent();
            try {
                return new BatchItem(context.readValue(p, EvaluationRequest.class), null, null);
            } catch (JacksonException e) {
                if (e instanceof StreamReadException && !(e instanceof InputCoercionException)) {
                    throw e; // not JSON (or over a limit of the parser): the whole body is refused, as before
                }
                while (p.streamReadContext() != batch && p.nextToken() != null) {
                    // past the rest of this item, to the next one
                }
                return new BatchItem(null, JsonErrors.pointer(e), JsonErrors.detail(e));
            }
        }
    }
}
