package org.beacon.rules.decision;

/**
 * One condition of a fired rule and the value it was tested against.
 *
 * @param indicator the indicator's name
 * @param cell the condition's cell, e.g. {@code Cholera!B9}
 * @param test the condition, e.g. {@code ≥ 30}
 * @param written the cell as the expert wrote it, e.g. {@code 30以上} or {@code ≥ {minCases}}
 * @param actual the situation's value (BigDecimal, or String for enum, text and boolean)
 */
public record ConditionCheck(String indicator, String cell, String test, String written, Object actual) {
}
