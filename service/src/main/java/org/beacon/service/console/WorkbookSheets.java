package org.beacon.service.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.workbook.SheetData;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.workbook.WorkbookReader;
import org.beacon.service.ruleset.RuleSetService;
import org.springframework.stereotype.Component;

/**
 * Reads workbooks for showing them, with the rules module's own reader (bounded, nothing evaluated), so a page shows
 * each cell's text exactly as Beacon reads it. A workbook's bytes never change under its name and content, so what
 * was read is kept by its SHA-256 for the next page: a grid page, a pager click and a diff read the same workbook
 * once. Kept by cell count, at most {@link #KEPT_CELLS} cells together (a sheet at the 20,000-row limit included).
 * A stored version never changes under its id either, so its workbooks as read are also kept by id: a page of a
 * version then neither loads the workbooks' bytes from the database nor hashes them again. Thread-safe.
 */
@Component
class WorkbookSheets {

    /** About 45 MB of cells: the bundled tables have 7,082, a sheet at the row limit with ten columns 200,000. */
    static final long KEPT_CELLS = 300_000;

    private final RuleSetService ruleSets;
    private final WorkbookReader reader = new WorkbookReader(WorkbookLimits.DEFAULT);
    private final Cache<String, WorkbookContent> read = Caffeine.newBuilder().maximumWeight(KEPT_CELLS)
            .<String, WorkbookContent>weigher((key, content) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1,
                    content.sheets().stream().mapToLong(SheetData::cellCount).sum()))).build();
    private final Cache<String, ReadWorkbooks> versions = Caffeine.newBuilder().maximumWeight(KEPT_CELLS)
            .<String, ReadWorkbooks>weigher((id, books) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1,
                    books.byName().values().stream().flatMap(w -> w.sheets().stream())
                            .mapToLong(SheetData::cellCount).sum()))).build();

    WorkbookSheets(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** A stored version's workbooks; an unknown id is refused by the service as ever and nothing is kept for it. */
    ReadWorkbooks version(String id) {
        return versions.get(id, k -> of(ruleSets.workbooks(k)));
    }

    ReadWorkbooks of(List<WorkbookSource> workbooks) {
        return ReadWorkbooks.of(workbooks.stream().map(this::read).toList());
    }

    WorkbookContent read(WorkbookSource source) {
        return read.get(key(source), k -> reader.read(source));
    }

    private static String key(WorkbookSource source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(source.bytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
