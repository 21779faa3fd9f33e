package org.beacon.service.retention;

/** {@code beacon.audit.retention} cannot be used: the service does not start (one line says why). */
public class RetentionSettingException extends RuntimeException {

    RetentionSettingException(String message) {
        super(message);
    }
}
