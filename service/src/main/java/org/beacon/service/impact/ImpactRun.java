package org.beacon.service.impact;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.impact.ImpactComparison;
import org.beacon.rules.impact.ImpactReport;
import org.beacon.rules.impact.report.ImpactWorkbook;
import org.beacon.service.evaluation.AuditedSituations;
import org.beacon.service.replay.ReplayInputReader;
import org.beacon.service.runs.LongRuns;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work of one impact run: the window's audited situations decided with both versions, counted as they stream,
 * then the timeline (if one was sent) replayed with both; the report kept as JSON and as a workbook. Rows whose
 * signal series the audit did not keep are counted, not decided.
 *
 * @param timeline the timeline to replay too, or null
 */
record ImpactRun(AuditedSituations audit, ImpactRequest.Checked request, CompiledRuleSet before,
        CompiledRuleSet after, ReplayInputReader.ReadTimeline timeline, JsonMapper json) implements LongRuns.Task {

    @Override
    public LongRuns.Result run(LongConsumer progress) {
        ImpactComparison impact = new ImpactComparison(before, after, request.examples());
        AtomicLong done = new AtomicLong();
        AtomicLong undecidable = new AtomicLong();
        audit.forEach(request.window(), request.limit(), a -> {
            if (a.situation() == null) {
                undecidable.incrementAndGet();
            } else {
                impact.add(a.id().toString(), a.situation());
            }
            progress.accept(done.incrementAndGet());
        });
        if (timeline != null) {
            // one thread: the run stays on the executor's low-priority thread
            impact.addTimeline(timeline.name(), timeline.timeline(), 1);
            progress.accept(done.addAndGet(timeline.timeline().steps()));
        }
        ImpactReport report = impact.report();
        ObjectNode summary = json.createObjectNode();
        summary.put("undecidable", undecidable.get());
        summary.set("report", json.valueToTree(report));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("window", request.from() + " – " + request.to());
        inputs.put("undecidable (signal series not kept)", String.valueOf(undecidable.get()));
        if (timeline != null) {
            inputs.put("timeline", timeline.name());
            inputs.put("timeline SHA-256", timeline.sha256());
        }
        ImpactWorkbook.write(report, inputs, xlsx);
        return new LongRuns.Result(json.writeValueAsString(summary), xlsx.toByteArray(), null);
    }
}
