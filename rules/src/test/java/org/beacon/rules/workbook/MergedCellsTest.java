package org.beacon.rules.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.model.WorkbookLimits;
import org.junit.jupiter.api.Test;

/** Merged cells are read for showing a sheet as Excel shows it; they change nothing Beacon decides. */
class MergedCellsTest {

    private final WorkbookReader reader = new WorkbookReader(WorkbookLimits.DEFAULT);

    @Test
    void readsEachMergedRangeOfASheet() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("说明").row("Beacon 说明 notes").row("a", "b", "c").row("long text").merge("A1:C1").merge("A3:B5");
        WorkbookContent content = reader.read(b.source("notes.xlsx"));

        assertThat(content.diagnostics()).isEmpty();
        SheetData sheet = content.sheets().get(0);
        assertThat(sheet.merges()).containsExactlyInAnyOrder(new MergedRange(1, 1, 1, 3),
                new MergedRange(3, 1, 5, 2));
        assertThat(sheet.text(1, 1)).isEqualTo("Beacon 说明 notes");
        assertThat(sheet.merges().get(0).contains(1, 3)).isTrue();
    }

    @Test
    void aSheetWithoutMergesHasNone() {
        WorkbookContent content = reader.read(WorkbookBuilder.cholera().source("grading.xlsx"));
        assertThat(content.sheets()).allSatisfy(s -> assertThat(s.merges()).isEmpty());
    }

    @Test
    void readsOnlyWellFormedRangesOfSeveralCells() {
        assertThat(MergedRange.parse("b2:D3")).contains(new MergedRange(2, 2, 3, 4));
        assertThat(MergedRange.parse("D3:B2")).as("written backwards").contains(new MergedRange(2, 2, 3, 4));
        assertThat(MergedRange.parse("A1:A1")).as("one cell").isEmpty();
        assertThat(MergedRange.parse("A1")).isEmpty();
        assertThat(MergedRange.parse("A0:B2")).isEmpty();
        assertThat(MergedRange.parse("A1:B2<script>")).isEmpty();
        assertThat(MergedRange.parse(null)).isEmpty();
    }
}
