package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.workbook.WorkbookReader;
import org.beacon.service.ruleset.VersionDiff;
import org.junit.jupiter.api.Test;

/**
 * A diff side by side, from the real diff of two versions of a cholera table: a threshold moved, a row inserted
 * above others (which moves them without changing them), a row removed.
 */
class DiffViewTest {

    private static byte[] cholera(String iiFrom, String iiiRange, boolean extraRow, boolean withIv) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        WorkbookBuilder.Sheet s = b.sheet("Cholera").row("Table", "Cholera 霍乱").row("Hit policy", "highest grade")
                .row("Event types", "cholera").blank().row("IF cases", "IF deaths", "THEN grade", "SOURCE");
        if (extraRow) {
            s.row("-", "≥5", "Ⅰ", "new row");
        }
        s.row(iiFrom, "-", "Ⅱ", "§2").row(iiiRange, "-", "Ⅲ", "§2");
        if (withIv) {
            s.row("1～9", "-", "Ⅳ", "§2");
        }
        return b.bytes();
    }

    private static ReadWorkbooks read(byte[] bytes) {
        return ReadWorkbooks.of(List.of(new WorkbookReader(WorkbookLimits.DEFAULT).read(new WorkbookSource("g.xlsx",
                bytes))));
    }

    private static Compilation compile(byte[] bytes) {
        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookSource("g.xlsx", bytes)));
        assertThat(c.errors()).isEmpty();
        return c;
    }

    @Test
    void showsChangedAddedAndRemovedRowsSideBySideWithTheChangedCellsMarked() {
        byte[] before = cholera("≥30", "10～29", false, true);
        byte[] after = cholera("≥25", "10～24", true, false);
        VersionDiff diff = new VersionDiff("v1", "v2", 0, 0, 0, RuleSetDiff.between(
                compile(before).ruleSet().orElseThrow().model(), compile(after).ruleSet().orElseThrow().model()));

        DiffView view = DiffView.of(diff, read(before), read(after), (w, s, r) -> "/old/" + s + "!R" + r,
                (w, s, r) -> "/new/" + s + "!R" + r);

        assertThat(view.tables()).hasSize(1);
        DiffView.TableDiff table = view.tables().get(0);
        assertThat(table.sheet()).isEqualTo("Cholera");
        assertThat(table.headerAfter().cells().get(0).text()).isEqualTo("IF cases");
        DiffView.Pair moved = table.pairs().stream().filter(p -> p.kind().equals("changed") && p.after().row() == 7)
                .findFirst().orElseThrow();
        assertThat(moved.before().row()).as("the row moved down one when a row was inserted").isEqualTo(6);
        assertThat(moved.before().cells().get(0)).isEqualTo(new DiffView.DiffCell("≥30", true));
        assertThat(moved.after().cells().get(0)).isEqualTo(new DiffView.DiffCell("≥25", true));
        assertThat(moved.after().cells().get(2)).as("the grade did not change").isEqualTo(new DiffView.DiffCell(
                "Ⅱ", false));
        assertThat(moved.description()).doesNotStartWith("was ").contains("25");
        assertThat(moved.before().href()).isEqualTo("/old/Cholera!R6");
        assertThat(table.pairs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("added");
            assertThat(p.before()).isNull();
            assertThat(p.after().row()).isEqualTo(6);
        });
        assertThat(table.pairs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("removed");
            assertThat(p.after()).isNull();
            assertThat(p.before().cells().get(0).text()).isEqualTo("1～9");
        });
        assertThat(table.pairs()).allSatisfy(p -> {
            if (p.before() != null && p.after() != null) {
                assertThat(p.before().cells()).hasSameSizeAs(p.after().cells());
            }
        });
    }

    @Test
    void changesThatAreNotRowsAreListedWithWhereTheyAre() {
        byte[] before = cholera("≥30", "10～29", false, true);
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera 霍乱").row("Hit policy", "highest grade")
                .row("Event types", "cholera").blank().row("IF cases", "IF deaths", "THEN grade", "SOURCE")
                .row("≥30", "-", "Ⅱ", "§2").row("10～29", "-", "Ⅲ", "§2").row("1～9", "-", "Ⅳ", "§2");
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade").row("cholera", 30, "Ⅱ");
        byte[] after = b.bytes();
        VersionDiff diff = new VersionDiff("v1", "v2", 0, 0, 0, RuleSetDiff.between(
                compile(before).ruleSet().orElseThrow().model(), compile(after).ruleSet().orElseThrow().model()));

        DiffView view = DiffView.of(diff, read(before), read(after), (w, s, r) -> "/old/" + s + "!R" + r,
                (w, s, r) -> "/new/" + w + "/" + s + "!R" + r);

        assertThat(view.tables()).isEmpty();
        assertThat(view.others()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("added");
            assertThat(i.subject()).isEqualTo("test");
            assertThat(i.where()).isEqualTo("g.xlsx Tests!R3");
            assertThat(i.href()).isEqualTo("/new/g.xlsx/Tests!R3");
            assertThat(i.subjectLabel()).isEqualTo("subject.test");
        });
    }
}
