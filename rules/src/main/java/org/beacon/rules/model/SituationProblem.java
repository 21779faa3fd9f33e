package org.beacon.rules.model;

/**
 * Why a situation cannot be evaluated.
 *
 * @param pointer JSON pointer to the offending field, e.g. {@code /indicators/weeklyCases}
 * @param message what is wrong, naming the valid values where there are few
 */
public record SituationProblem(String pointer, String message) {
}
