package org.beacon.service.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.beacon.service.evaluation.AuditRows;
import org.beacon.service.evaluation.AuditTrail;
import org.beacon.service.faults.FaultInjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves audit rows older than {@code beacon.audit.retention} out of the database, one export file at a time: the
 * record first ({@code writing}), then the file and its checksum file, then the file read back (its lines counted,
 * its checksum computed again), then the record {@code verified}, and only then the file's rows deleted by id in
 * batches of {@code beacon.audit.retention-batch}, each in a transaction of its own with the record of which export
 * holds them, so an evaluation waits at most for one small batch. A run cut off before {@code verified} leaves no row
 * deleted and its file is thrown away; one cut off after it goes on deleting where the last committed batch ended.
 * One run at a time in this process (a second waits for the first). Thread-safe.
 */
@Service
public class AuditRetention {

    /** The most rows in one export file: a console link to an archived row reads at most one file this long. */
    static final int FILE_ROWS = 10_000;
    /** Rows read from the database per query while a file is written. */
    private static final int READ_ROWS = 500;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    /** What one run did. */
    record Outcome(int exports, long rowsArchived, int resumed) {
    }

    /** A decision found in an export file, and the file. */
    public record Archived(String decisionJson, String caller, String file) {
    }

    private final RetentionSetting setting;
    private final String schedule;
    private final int batch;
    private final AuditRows rows;
    private final AuditExports exports;
    private final ArchiveFiles files;
    private final TransactionTemplate transactions;
    private final FaultInjection faults;
    private final JsonMapper json;
    private final ReentrantLock running = new ReentrantLock();

    AuditRetention(@Value("${beacon.audit.retention:}") String retention,
            @Value("${beacon.audit.retention-schedule:0 30 3 * * *}") String schedule,
            @Value("${beacon.audit.retention-batch:500}") int batch,
            @Value("${beacon.data-dir:./data}") String dataDir, AuditRows rows, AuditExports exports,
            TransactionTemplate transactions, FaultInjection faults, JsonMapper json) {
        this.setting = RetentionSetting.parse(retention);
        if (batch < 1 || batch > 10_000) {
            throw new RetentionSettingException("beacon.audit.retention-batch=" + batch
                    + " is not a number of rows from 1 to 10000", "Set beacon.audit.retention-batch from 1 to 10000 "
                    + "(500 by default).");
        }
        this.schedule = schedule;
        this.batch = batch;
        this.rows = rows;
        this.exports = exports;
        this.files = new ArchiveFiles(Path.of(dataDir).toAbsolutePath().normalize().resolve("audit-archive"));
        this.transactions = transactions;
        this.faults = faults;
        this.json = json;
        log.info(setting.keepsEverything() ? "audit retention: beacon.audit.retention is not set, every audited "
                + "decision is kept in the database" : "audit retention: decisions older than {} are exported to {} "
                + "and deleted, on the schedule {} (UTC)", setting.text(), files.folder(), schedule);
    }

    /** Finishes at start an export a stopped run left, in the background: the start does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void finishCutOffRuns() {
        if (!exports.unfinished().isEmpty()) {
            Thread resume = new Thread(() -> {
                try {
                    run();
                } catch (RuntimeException e) {
                    log.error("audit retention: finishing the export a stopped run left failed", e);
                }
            }, "audit-retention-resume");
            resume.setDaemon(true);
            resume.start();
        }
    }

    @Scheduled(cron = "${beacon.audit.retention-schedule:0 30 3 * * *}", zone = "UTC")
    void onSchedule() {
        if (setting.keepsEverything() && exports.unfinished().isEmpty()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.error("audit retention: the scheduled run failed", e);
        }
    }

    /**
     * Finishes any export a stopped run left, then exports and deletes the rows older than the setting (nothing
     * more when it keeps everything). Waits for a run already going in this process.
     */
    Outcome run() {
        running.lock();
        try {
            int resumed = 0;
            for (AuditExports.Export e : exports.unfinished()) {
                resume(e);
                resumed++;
            }
            if (setting.keepsEverything()) {
                return new Outcome(0, 0, resumed);
            }
            Instant cutOff = setting.cutOff(Instant.now());
            int made = 0;
            long archived = 0;
            for (long n; (n = exportOne(cutOff)) > 0; ) {
                made++;
                archived += n;
            }
            if (made > 0) {
                log.info("audit retention: {} decisions stored before {} exported in {} files and deleted", archived,
                        cutOff, made);
            }
            return new Outcome(made, archived, resumed);
        } finally {
            running.unlock();
        }
    }

    /** @return how many rows the new export moved; 0 when no row is older than the cut-off */
    private long exportOne(Instant cutOff) {
        if (rows.oldest(cutOff, null, 1).isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        String file = "audit-" + FILE_TIME.format(now) + "-" + id.toString().substring(0, 8) + ".jsonl.gz";
        exports.start(id, file, now, cutOff);
        long[] count = {0};
        Instant[] range = {null, null};
        String sha;
        try {
            sha = files.write(file, new Pages(cutOff, (page) -> {
                count[0] += page.size();
                if (range[0] == null && !page.isEmpty()) {
                    range[0] = page.get(0).evaluatedAt();
                }
                if (!page.isEmpty()) {
                    range[1] = page.get(page.size() - 1).evaluatedAt();
                }
            }));
            ArchiveFiles.Reading back = files.read(file);
            if (back.lines() != count[0] || !back.sha256().equals(sha)) {
                throw new IOException(file + " read back " + back.lines() + " rows with SHA-256 " + back.sha256()
                        + ", written " + count[0] + " with " + sha);
            }
        } catch (IOException | RuntimeException e) {
            discard(file);
            exports.forget(id);
            throw new IllegalStateException("audit retention could not write " + file + ": " + e.getMessage()
                    + "; no row was deleted", e);
        }
        exports.verified(id, count[0], range[0], range[1], sha);
        log.info("audit retention: {} decisions stored from {} to {} written to {} (SHA-256 {}) and verified",
                count[0], range[0], range[1], file, sha);
        deleteExported(new AuditExports.Export(id, file, now, cutOff, AuditExports.VERIFIED, count[0], 0, range[0],
                range[1], sha, null, null));
        return count[0];
    }

    /** A record left by a stopped run: thrown away before it was verified, else its deletion finished. */
    private void resume(AuditExports.Export e) {
        if (AuditExports.WRITING.equals(e.state())) {
            log.warn("audit retention: {} was cut off while it was written; no row of it was deleted, it is written "
                    + "again", e.file());
            discard(e.file());
            exports.forget(e.id());
            return;
        }
        try {
            ArchiveFiles.Reading back = files.read(e.file());
            if (back.lines() != e.rowCount() || !back.sha256().equals(e.sha256())) {
                throw new IOException(e.file() + " has " + back.lines() + " rows with SHA-256 " + back.sha256()
                        + ", its record " + e.rowCount() + " with " + e.sha256());
            }
        } catch (IOException ex) {
            exports.failed(e.id(), ex.getMessage(), Instant.now());
            log.error("audit retention: {} no longer matches its record ({}); {} of its rows were deleted, the "
                    + "others stay in the database", e.file(), ex.getMessage(), e.deleted());
            return;
        }
        log.info("audit retention: finishing {}, {} of its {} rows deleted before the stop", e.file(), e.deleted(),
                e.rowCount());
        deleteExported(e);
    }

    /** Deletes the file's rows by id, from where the last committed batch ended, a batch per transaction. */
    private void deleteExported(AuditExports.Export e) {
        List<UUID> ids = new ArrayList<>(batch);
        long[] line = {0};
        long[] batches = {e.deleted() / batch};
        try {
            files.forEachLine(e.file(), text -> {
                if (line[0]++ < e.deleted()) {
                    return;
                }
                ids.add(UUID.fromString(text.substring(ID_PREFIX.length(), ID_PREFIX.length() + 36)));
                if (ids.size() == batch) {
                    deleteBatch(e, ids, batches[0]++);
                }
            });
        } catch (IOException ex) {
            throw new IllegalStateException("audit retention could not read " + e.file() + " back: "
                    + ex.getMessage(), ex);
        }
        deleteBatch(e, ids, batches[0]);
        exports.done(e.id(), Instant.now());
    }

    private void deleteBatch(AuditExports.Export e, List<UUID> ids, long before) {
        faults.pauseRetention(e.file(), before);
        if (ids.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            rows.delete(ids, e.cutOff());
            exports.deleted(e.id(), ids);
        });
        ids.clear();
    }

    /** An archived decision, read from the export file that holds it. */
    public Optional<Archived> archived(UUID id) {
        return exports.holding(id).flatMap(e -> {
            try {
                return files.find(e.file(), ID_PREFIX + id + "\"").map(line -> {
                    var row = json.readTree(line);
                    return new Archived(row.get("decision").asString(), row.path("caller").asString(null), e.file());
                });
            } catch (IOException ex) {
                log.error("audit retention: decision {} is archived in {}, which cannot be read: {}", id, e.file(),
                        ex.getMessage());
                return Optional.empty();
            }
        });
    }

    /** True when a setting is given: rows older than it are exported. */
    boolean retains() {
        return !setting.keepsEverything();
    }

    /** What {@code GET /admin/audit/retention} shows. */
    RetentionViews.Status status() {
        AuditRows.Stats stats = rows.stats();
        AuditExports.Totals totals = exports.totals();
        return new RetentionViews.Status(setting.text(), setting.keepsEverything(), RetentionSetting.MINIMUM,
                setting.keepsEverything() ? null : setting.cutOff(Instant.now()), schedule, batch, stats.rows(),
                stats.estimatedBytes(), stats.oldest(), new RetentionViews.Archive(files.folder().toString(),
                        totals.exports(), totals.rows()), exports.last().map(RetentionViews.Export::of).orElse(null));
    }

    private void discard(String file) {
        try {
            files.discard(file);
        } catch (IOException e) {
            log.warn("audit retention: could not remove what is left of {}: {}", file, e.getMessage());
        }
    }

    /** How every line of an export starts: the row's id comes first. */
    private static final String ID_PREFIX = "{\"id\":\"";

    /** The rows older than the cut-off, a page at a time, up to a file's worth, as lines; each page seen first. */
    private final class Pages implements Iterator<List<String>> {

        private final Instant cutOff;
        private final java.util.function.Consumer<List<AuditRows.Exported>> seen;
        private AuditTrail.Cursor after;
        private int total;
        private List<AuditRows.Exported> next;

        Pages(Instant cutOff, java.util.function.Consumer<List<AuditRows.Exported>> seen) {
            this.cutOff = cutOff;
            this.seen = seen;
        }

        @Override
        public boolean hasNext() {
            if (next == null && total < FILE_ROWS) {
                List<AuditRows.Exported> page = rows.oldest(cutOff, after, Math.min(READ_ROWS, FILE_ROWS - total));
                if (!page.isEmpty()) {
                    AuditRows.Exported last = page.get(page.size() - 1);
                    after = new AuditTrail.Cursor(last.evaluatedAt(), last.id());
                    total += page.size();
                    seen.accept(page);
                    next = page;
                }
            }
            return next != null;
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<String> lines = next.stream().map(AuditRows.Exported::line).toList();
            next = null;
            return lines;
        }
    }
}
