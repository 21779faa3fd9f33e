package org.beacon.rules.calibration;

import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Message;

/**
 * A sweep refused before any work (a malformed range, an empty one, a grid over the cap, an objective there is not),
 * with its English message and the same as a key of the diagnostics bundle ({@code phrase.sweep.…}) to say it in
 * the reader's language.
 */
public final class RefusedSweepException extends IllegalArgumentException {

    private final transient Message text;

    RefusedSweepException(String key, Object... arguments) {
        this(Message.of("phrase.sweep." + key, arguments));
    }

    private RefusedSweepException(Message text) {
        super(DiagnosticMessages.english(text));
        this.text = text;
    }

    public Message text() {
        return text;
    }
}
