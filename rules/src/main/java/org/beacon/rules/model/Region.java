package org.beacon.rules.model;

/**
 * Where a situation happens.
 *
 * @param code administrative division code, e.g. {@code 330106}
 * @param name display name, e.g. {@code 杭州市西湖区}
 * @param level administrative level; may be null when unknown
 */
public record Region(String code, String name, AdminLevel level) {
}
