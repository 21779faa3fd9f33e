/**
 * Replays of historical timelines over HTTP: {@code POST /replays} checks the files and parameters at once (a bad
 * input is a 400 and nothing is stored), stores the run and queues it on a bounded executor; the run streams its
 * steps to {@code steps.csv} and {@code report.xlsx} under {@code <beacon.data-dir>/replays/<id>/}, written under
 * temporary names and moved into place only when it succeeds, and keeps its summary in the database.
 */
package org.beacon.service.replay;
