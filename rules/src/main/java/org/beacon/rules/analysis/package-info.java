/**
 * Checking a model's tables as a whole: input combinations no row matches (gaps), rows that overlap under a
 * first-match policy, and rows that can never answer, each a diagnostic. Uses the model only.
 */
package org.beacon.rules.analysis;
