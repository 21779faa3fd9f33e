/**
 * What a rule set answers for a situation: the {@link org.beacon.rules.decision.Decision} with each table's answer,
 * the rows that matched and, when explained, the value each condition saw. Records only, on the model alone; the
 * service and the command line write them as JSON, so their component names are part of the API.
 */
package org.beacon.rules.decision;
