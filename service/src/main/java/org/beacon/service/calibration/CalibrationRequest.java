package org.beacon.service.calibration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.beacon.service.replay.ReplayInputReader;
import org.springframework.web.multipart.MultipartFile;

/** The form of {@code POST /calibrations}, as sent (nothing parsed yet). */
public record CalibrationRequest(
        @Schema(description = "the timeline, CSV, as POST /replays reads it") MultipartFile timeline,
        @Schema(description = "instead of a file: an example timeline of examples/timelines/",
                example = "covid-2020-zhejiang-hubei-guangdong.csv") String example,
        @Schema(description = "what was actually decided, CSV (required: the sweep is ranked against it)")
        MultipartFile actual,
        @Schema(description = "instead of a file: an example of actual decisions",
                example = "covid-2020-response-levels.csv") String actualExample,
        @Schema(description = "known revisions to exclude from the counts, CSV: region, date, note")
        MultipartFile revisions,
        @Schema(description = "the source to keep when the timeline mixes several", example = "canghailan")
        String source,
        @Schema(description = "day (default) or month") String step,
        @Schema(description = "zeroFill or carryForward; without it a timeline with gaps is refused")
        String missingDays,
        @Schema(description = "event type of rows without an eventType column") String eventType,
        @Schema(description = "region level of rows without a level column (default province)") String level,
        @Schema(description = "the version whose Parameters are swept; default the version in force (a draft: "
                + "editors and admins only)", example = "v1") String ruleSet,
        @Schema(description = "repeatable: name=from..to:step, a named Parameter and its values",
                example = "stepDown_minDays=14..42:7") List<String> vary,
        @Schema(description = "weighted (default: a late escalation weighs 3 days early), agreement or lag")
        String objective) {

    ReplayInputReader.TimelineFields timelineFields() {
        return new ReplayInputReader.TimelineFields(timeline, example, source, step, missingDays, eventType, level);
    }
}
