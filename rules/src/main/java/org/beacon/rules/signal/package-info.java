/**
 * The statistics warning tables threshold on, derived from a surveillance signal's daily counts (7-day count, EARS
 * C1–C3, the CIDARS percentile, the ratio to the 5-year mean). Uses no other Beacon package.
 */
package org.beacon.rules.signal;
