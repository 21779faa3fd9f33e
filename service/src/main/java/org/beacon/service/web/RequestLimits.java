package org.beacon.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may send ({@code beacon.*}).
 *
 * @param maxRequestSize largest request body accepted; larger ones get 413
 */
@ConfigurationProperties("beacon")
public record RequestLimits(@DefaultValue("32MB") DataSize maxRequestSize) {
}
