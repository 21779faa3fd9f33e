/**
 * Faults the service's own crash and failure tests inject (a pause before a commit, a replay that fails, a compile
 * that fills the heap). Off unless a marker file that only the test resources carry is on the class path, so no
 * property in a production configuration can switch one on.
 */
package org.beacon.service.faults;
