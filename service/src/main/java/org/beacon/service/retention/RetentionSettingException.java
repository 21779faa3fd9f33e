package org.beacon.service.retention;

/** A {@code beacon.audit.*} setting cannot be used: the service does not start (one line says why). */
public class RetentionSettingException extends RuntimeException {

    private final String remedy;

    RetentionSettingException(String message, String remedy) {
        super(message);
        this.remedy = remedy;
    }

    /** What to change, naming the setting. */
    public String remedy() {
        return remedy;
    }
}
