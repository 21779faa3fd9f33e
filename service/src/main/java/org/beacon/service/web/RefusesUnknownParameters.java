package org.beacon.service.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler that decides: a query parameter, form field or file part it does not read is refused with 400 and a
 * "did you mean", before anything is read or decided ({@link UnknownParameters}). Left unread, {@code ?ruleset=v2}
 * had the version in force decide, and the caller believed v2 had.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusesUnknownParameters {
}
