package org.beacon.rules.decision;

import java.util.List;
import java.util.Map;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.WarningColour;

/**
 * The answer for one situation.
 *
 * @param ruleSetId id of the rule set that decided
 * @param contentHash SHA-256 of its workbooks
 * @param grade the most serious grade among the answering rows, or null when none gives one
 * @param colour the most serious warning colour among them (grades' colours and signal warnings), or null
 * @param actions action codes of all answering rows, without repeats, in table order
 * @param firedRules ids of all answering rows, in table order
 * @param tables every table's answer, in rule-set order, including those that did not match; a table evaluated
 *        for each signal answers once per signal
 * @param response the response grade the response tables worked from, or null when there was none
 * @param signals each signal with the statistics derived from it and the warning it raised
 * @param riskLevel the most serious {@code THEN riskLevel} among the answering rows, or null
 * @param areaRisk the most serious {@code THEN areaRisk} (risk-map colour) among them, or null
 * @param reporting the reporting duty the answering rows set; {@code required} false when none did
 * @param termination {@code 可终止} when a row says the response may end and none says it continues,
 *        {@code 继续} when a row says it continues, null when no row speaks of it
 * @param actionDetails the catalogue entries of {@code actions} (codes without an entry are left out)
 * @param outputs every output of the answering rows, by name, values without repeats in table order
 */
public record Decision(String ruleSetId, String contentHash, Grade grade, WarningColour colour, List<String> actions,
        List<String> firedRules, List<TableDecision> tables, ResponseGrade response, List<SignalDecision> signals,
        RiskLevel riskLevel, AreaRisk areaRisk, Reporting reporting, String termination,
        List<ActionDefinition> actionDetails, Map<String, List<String>> outputs) {

    public Decision {
        actions = List.copyOf(actions);
        firedRules = List.copyOf(firedRules);
        tables = List.copyOf(tables);
        signals = List.copyOf(signals);
        actionDetails = List.copyOf(actionDetails);
        outputs = FrozenOrderedMap.copyOf(outputs);
    }

    /** True when no row of any table answered: an explicit result, never a silent one. */
    public boolean noMatch() {
        return firedRules.isEmpty();
    }

    /**
     * The grade the response tables ({@code IF responseGrade}) used.
     *
     * @param grade the grade
     * @param given true when the situation gave it (a grade already declared); false when the grading tables decided it
     */
    public record ResponseGrade(Grade grade, boolean given) {
    }

    /**
     * @param required true when an answering row sets a reporting duty ({@code THEN reportWithin})
     * @param withinHours the shortest time limit among those rows, or null
     * @param reportTo to whom, as the rows say (Chinese)
     * @param reportToEn the same in English
     * @param rows the rows that set it
     */
    public record Reporting(boolean required, Integer withinHours, List<String> reportTo, List<String> reportToEn,
            List<String> rows) {

        public Reporting {
            reportTo = List.copyOf(reportTo);
            reportToEn = List.copyOf(reportToEn);
            rows = List.copyOf(rows);
        }
    }
}
