package org.beacon.service.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of {@code POST /evaluations/batch} ({@code beacon.batch.*}).
 *
 * @param maxSize most situations in one batch
 */
@ConfigurationProperties("beacon.batch")
public record BatchLimits(@DefaultValue("10000") int maxSize) {
}
