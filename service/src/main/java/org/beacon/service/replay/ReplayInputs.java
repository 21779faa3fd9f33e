package org.beacon.service.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a run was given, kept with it so a reviewer can tell which files, parameters and rule sets produced a result.
 *
 * @param timeline the uploaded file's name, or the example's
 * @param timelineSha256 SHA-256 of the timeline's bytes, hex
 * @param revisions the known revisions' file name, or null
 * @param arms one or two rule sets, in the order the results list them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplayInputs(String timeline, String timelineSha256, String actual, String actualSha256, String revisions,
        String revisionsSha256, String source, String step, String missingDays, String eventType, String level, List<Arm> arms) {

    /**
     * @param label how the results name it: the version, or {@code in force}
     * @param pinned the version asked for; null means the version in force on each date
     * @param ruleSets the versions that decide its steps (for an unpinned arm: in force over the timeline's dates
     *     when the run was accepted)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Arm(String label, String pinned, List<String> ruleSets) {
    }
}
