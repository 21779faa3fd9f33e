/**
 * The impact of a version before it is put in force: {@link org.beacon.rules.impact.ImpactComparison} decides a
 * stream of situations (and timelines, replayed) with the version in force and the candidate, and adds up what
 * changes: transitions of grade, warning colour, risk level and reporting duty, the rows each situation gains or
 * loses, the weekly alert burden before and after, and the situations the new dictionary refuses. Above the facade
 * and replay; keeps counts and a bounded number of examples, never the situations.
 */
package org.beacon.rules.impact;
