package org.beacon.rules.model;

/**
 * Where a situation happens.
 *
 * @param code administrative division code, e.g. {@code 330106}
 * @param name display name, e.g. {@code 杭州市西湖区}
 * @param level administrative level as sent ({@code county}, or a level the rule set's Dictionary declares for
 *              {@code adminLevel}, e.g. {@code state}); may be null when unknown. Text, not {@link AdminLevel}, so that
 *              a rule set for another country's divisions can be written; the situation check says whether it fits.
 */
public record Region(String code, String name, String level) {

    /** A region at one of the default (Chinese) levels; a null level stays unknown. */
    public static Region at(String code, String name, AdminLevel level) {
        return new Region(code, name, level == null ? null : level.code());
    }
}
