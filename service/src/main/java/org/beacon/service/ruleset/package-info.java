/**
 * The rule set in force: compiled from the workbooks at start-up, reported by the health endpoint. Versions,
 * upload and activation come with issue 6.
 */
package org.beacon.service.ruleset;
