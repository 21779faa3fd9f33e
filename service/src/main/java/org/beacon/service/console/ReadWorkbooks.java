package org.beacon.service.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.beacon.rules.workbook.SheetData;
import org.beacon.rules.workbook.WorkbookContent;

/**
 * The workbooks of a version (or of a checked upload) as read for showing them: each workbook's sheets, by file name
 * in the version's order. A workbook that could not be read has no sheets and says why in its diagnostics.
 */
record ReadWorkbooks(Map<String, WorkbookContent> byName) {

    ReadWorkbooks {
        byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    static ReadWorkbooks of(List<WorkbookContent> workbooks) {
        Map<String, WorkbookContent> byName = new LinkedHashMap<>();
        workbooks.forEach(w -> byName.put(w.workbook(), w));
        return new ReadWorkbooks(byName);
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    Optional<WorkbookContent> workbook(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    Optional<SheetData> sheet(String workbook, String sheet) {
        return workbook(workbook).flatMap(w -> w.sheets().stream().filter(s -> s.name().equals(sheet)).findFirst());
    }

    /**
     * The workbook holding a sheet of this name: table sheets are unique across a version's workbooks, so for them
     * this is the one; for a sheet every workbook may have (Tests, Dictionary) the first in name order. A sheet name
     * in another case is found too, as Excel compares sheet names.
     */
    Optional<String> workbookOf(String sheet) {
        for (boolean exact : new boolean[] {true, false}) {
            for (WorkbookContent w : byName.values()) {
                for (SheetData s : w.sheets()) {
                    if (exact ? s.name().equals(sheet) : s.name().toLowerCase(Locale.ROOT)
                            .equals(sheet.toLowerCase(Locale.ROOT))) {
                        return Optional.of(w.workbook());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The sheet's name as the workbook spells it, for a name given in another case. */
    Optional<String> sheetName(String workbook, String sheet) {
        return workbook(workbook).flatMap(w -> w.sheets().stream().map(SheetData::name)
                .filter(n -> n.equalsIgnoreCase(sheet)).findFirst());
    }
}
