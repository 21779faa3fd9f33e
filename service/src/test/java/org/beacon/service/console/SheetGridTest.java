package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.workbook.SheetData;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;

/** A sheet drawn as a grid: pages of 200 rows, rows anchored by rule id, header rows, merged cells, a focus. */
class SheetGridTest {

    private static SheetData read(WorkbookBuilder b, String sheet) {
        WorkbookContent content = new WorkbookReader(WorkbookLimits.DEFAULT).read(b.source("w.xlsx"));
        return content.sheets().stream().filter(s -> s.name().equals(sheet)).findFirst().orElseThrow();
    }

    private static SheetData tests(int rows) {
        WorkbookBuilder b = new WorkbookBuilder();
        WorkbookBuilder.Sheet s = b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade");
        for (int i = 3; i <= rows; i++) {
            s.row("cholera", i, "Ⅲ");
        }
        return read(b, "Tests");
    }

    @Test
    void aTableShowsItsPropertiesAndHeaderAndAnchorsEachRowByItsRuleId() {
        SheetGrid g = SheetGrid.of("w.xlsx", read(WorkbookBuilder.cholera(), "Cholera"), 1, null, GridMarks.NONE);

        assertThat(g.columns()).containsExactly("A", "B", "C", "D", "E");
        assertThat(g.lines()).extracting(SheetGrid.Line::id).startsWith("Cholera!R1").contains("Cholera!R6");
        assertThat(g.lines().get(0).kind()).isEqualTo("property");
        assertThat(g.lines().get(4).kind()).as("row 5, after the blank row 4").isEqualTo("header");
        assertThat(g.lines().get(5).cells().get(0).text()).isEqualTo("≥30");
        assertThat(g.lines().get(5).cells().get(0).id()).isEqualTo("cell-Cholera!A6");
        assertThat(g.header()).as("on its own page the header is not repeated").isNull();
        assertThat(g.pages()).isEqualTo(1);
    }

    @Test
    void aLongSheetIsPagedByTwoHundredRowsWithItsHeaderRepeated() {
        SheetData sheet = tests(2000);
        SheetGrid third = SheetGrid.of("w.xlsx", sheet, 3, null, GridMarks.NONE);

        assertThat(third.pages()).isEqualTo(10);
        assertThat(third.firstRow()).isEqualTo(401);
        assertThat(third.lastRow()).isEqualTo(600);
        assertThat(third.lines()).hasSize(200);
        assertThat(third.lines().get(0).cells().get(1).text()).isEqualTo("401");
        assertThat(third.header().row()).isEqualTo(2);
        assertThat(third.header().cells().get(2).text()).isEqualTo("EXPECT grade");
        assertThat(SheetGrid.of("w.xlsx", sheet, 99, null, GridMarks.NONE).page()).as("beyond the last").isEqualTo(10);
    }

    @Test
    void aFocusedCellOrRowIsMarked() {
        SheetData sheet = tests(500);
        SheetGrid cell = SheetGrid.of("w.xlsx", sheet, SheetGrid.pageOf(SheetGrid.rowOf("B350")), "B350",
                GridMarks.NONE);
        assertThat(cell.page()).isEqualTo(2);
        SheetGrid.Line line = cell.lines().stream().filter(l -> l.row() == 350).findFirst().orElseThrow();
        assertThat(line.cells().get(1).focus()).isTrue();
        assertThat(line.focus()).isFalse();

        SheetGrid row = SheetGrid.of("w.xlsx", sheet, 1, "R7", GridMarks.NONE);
        assertThat(row.lines().get(6).focus()).isTrue();
        assertThat(SheetGrid.isReference("R7")).isTrue();
        assertThat(SheetGrid.isReference("A8")).isTrue();
        assertThat(SheetGrid.isReference("8A")).isFalse();
        assertThat(SheetGrid.isReference("<b>")).isFalse();
    }

    @Test
    void mergedCellsSpanAndCoverTheCellsUnderThem() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("说明").row("标题 Title").row("a", "b", "c").row("left", null, "right").row(null, null, "x")
                .merge("A1:C1").merge("A3:B4");
        SheetGrid g = SheetGrid.of("w.xlsx", read(b, "说明"), 1, null, GridMarks.NONE);

        SheetGrid.Cell title = g.lines().get(0).cells().get(0);
        assertThat(title.text()).isEqualTo("标题 Title");
        assertThat(title.colspan()).isEqualTo(3);
        assertThat(g.lines().get(0).cells()).hasSize(1);
        SheetGrid.Cell left = g.lines().get(2).cells().get(0);
        assertThat(left.rowspan()).isEqualTo(2);
        assertThat(left.colspan()).isEqualTo(2);
        assertThat(g.lines().get(3).cells()).extracting(SheetGrid.Cell::reference).containsExactly("C4");
    }

    @Test
    void marksGoOnTheirCellsAndRows() {
        GridMarks marks = new GridMarks().cell("A6", new GridMarks.Mark("mark-error", "severity.error", "bad"))
                .row(7, new GridMarks.Mark("mark-failed", "test.failed", "expected Ⅱ"));
        SheetGrid g = SheetGrid.of("w.xlsx", read(WorkbookBuilder.cholera(), "Cholera"), 1, null, marks);
        assertThat(g.lines().get(5).cells().get(0).mark().css()).isEqualTo("mark-error");
        assertThat(g.lines().get(6).mark().word()).isEqualTo("test.failed");
    }

    @Test
    void aSheetNameWithSpacesStillMakesIdsAnAddressCanReach() {
        assertThat(SheetGrid.rowId("My table", 10)).isEqualTo("My_table!R10");
        assertThat(SheetGrid.cellId("My table", "C9")).isEqualTo("cell-My_table!C9");
    }
}
