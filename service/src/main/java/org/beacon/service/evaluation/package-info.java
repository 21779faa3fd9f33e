/**
 * Evaluating situations over HTTP, one or in batches, and the audit trail of every decision. Each evaluation is
 * written to the database before its response is sent.
 */
package org.beacon.service.evaluation;
