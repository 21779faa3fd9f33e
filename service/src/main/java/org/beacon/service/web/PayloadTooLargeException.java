package org.beacon.service.web;

import java.io.IOException;

/** A request body longer than {@code beacon.max-request-size}. Becomes a 413 problem. */
public final class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
