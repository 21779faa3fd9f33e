/**
 * Rule-set versions and which one decides: uploads over a base version (checked and compiled before anything is
 * stored, at most a few compiles at once), activation, rollback and the diff between versions, all kept in the
 * database; the registry holds the compiled versions and the activation timeline in memory, answers "the pinned
 * version, or the one in force on the situation's date" and "may this user use a version never activated" without a
 * query, and follows changes other instances make. Health and info endpoints report the version in force.
 */
package org.beacon.service.ruleset;
