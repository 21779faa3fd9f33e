package org.beacon.rules.model;

import java.util.List;

/**
 * One measure of the action catalogue (an Actions sheet): what to do, who leads it, who takes part, how soon.
 *
 * @param code the code tables use in {@code THEN actions}
 * @param nameZh 措施
 * @param nameEn the measure in English
 * @param leadZh 牵头单位, the lead departments
 * @param leadEn the lead departments in English
 * @param responsibleZh 责任单位, the departments that take part
 * @param responsibleEn the same in English
 * @param withinHours time limit in hours from the start of the response (0: at once), or null for none
 * @param source the clause or plan it comes from
 * @param tag V, C, M or empty
 * @param location the catalogue row ({@code Actions!R5})
 */
public record ActionDefinition(String code, String nameZh, String nameEn, List<String> leadZh, List<String> leadEn,
        List<String> responsibleZh, List<String> responsibleEn, Integer withinHours, String source, String tag,
        String location) {

    public ActionDefinition {
        leadZh = List.copyOf(leadZh);
        leadEn = List.copyOf(leadEn);
        responsibleZh = List.copyOf(responsibleZh);
        responsibleEn = List.copyOf(responsibleEn);
    }
}
