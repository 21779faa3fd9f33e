package org.beacon.service.web;

import java.io.IOException;

/** A request body that cannot be unpacked as its Content-Encoding says. Becomes a 400 problem. */
final class UnreadableBodyException extends IOException {

    UnreadableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
