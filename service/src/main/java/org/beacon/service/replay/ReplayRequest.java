package org.beacon.service.replay;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form of {@code POST /replays}, as sent (nothing parsed yet). Public because the console's replay form binds
 * the same fields, so a field added here reaches both.
 */
public record ReplayRequest(
        @Schema(description = "the timeline, CSV: date, region, optional regionName, level, eventType, source, then "
                + "one column per series (cumulativeConfirmed, cases, deaths …): counts from 0 to 10^9, region codes "
                + "of at most 50 and names of 200 characters, no control characters") MultipartFile timeline,
        @Schema(description = "instead of a file: the name of an example timeline (a CSV file of "
                + "examples/timelines/)",
                example = "covid-2020-zhejiang-hubei-guangdong.csv") String example,
        @Schema(description = "what was actually decided, CSV: region (or province_code), date (or effective_date), "
                + "level (or to_level)") MultipartFile actual,
        @Schema(description = "instead of a file: the name of an example of actual decisions (a CSV file of "
                + "examples/timelines/)",
                example = "covid-2020-response-levels.csv") String actualExample,
        @Schema(description = "the source to keep when the timeline mixes several (required then)",
                example = "canghailan") String source,
        @Schema(description = "day (default) or month", allowableValues = {"day", "month"}) String step,
        @Schema(description = "how to fill gaps; without it a timeline with gaps is refused",
                allowableValues = {"zeroFill", "carryForward"}) String missingDays,
        @Schema(description = "event type of rows without an eventType column", example = "covid19")
        String eventType,
        @Schema(description = "region level of rows without a level column (default province)",
                allowableValues = {"province", "prefecture", "county", "township"}) String level,
        @Schema(description = "a version to pin; default: the version in force on each date", example = "v1")
        String ruleSet,
        @Schema(description = "a second version: the timeline is replayed through both and where their "
                + "recommendations differ is listed", example = "v2") String compareWith,
        @Schema(description = "known revisions to exclude from the counts, CSV: region, date, optional note (the "
                + "same file as beacon replay --revisions); each excluded rise is a KNOWN_REVISION data issue")
        MultipartFile revisions) {
}
