package org.beacon.rules.model;

/**
 * How large a version is, counted as its size budget counts it: the decision tables of all its workbooks, their rule
 * rows, and the non-blank cells of every sheet (tests and dictionaries included).
 */
public record VersionSize(int tables, long ruleRows, long cells) {
}
