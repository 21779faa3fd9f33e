package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** {@code beacon replay} on data that lies: Hubei's re-count flagged, then excluded with a revisions file. */
class ReplayRevisionsCommandTest extends CommandTest {

    private static String example(String name) {
        return Workbooks.root().resolve("examples/timelines").resolve(name).toString();
    }

    private int replay(Path dir, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("replay",
                Workbooks.root().resolve("tables").toString(), example("covid-2020-zhejiang-hubei-guangdong.csv"),
                "--source", "canghailan", "--out", dir.toString()));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void flagsTheRecountAndRaisesOnItWithoutARevisionsFile() throws Exception {
        Path dir = temp.resolve("flagged");
        assertThat(replay(dir)).isZero();
        assertThat(out()).contains("420000 湖北省 2020-04-16 raise Ⅳ → Ⅰ")
                .contains("WARNING POSSIBLE_REVISION 420000 2020-04-16: cumulativeConfirmed rises by 325");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"code\" : \"POSSIBLE_REVISION\"");
    }

    @Test
    void excludesTheKnownRevisionSoTheSpuriousEscalationIsGone() throws Exception {
        Path dir = temp.resolve("excluded");
        assertThat(replay(dir, "--revisions", example("covid-2020-revisions.csv"))).isZero();
        assertThat(out()).doesNotContain("2020-04-16 raise")
                .contains("WARNING KNOWN_REVISION 420000 2020-04-16: excluded from the counts: 325 of "
                        + "cumulativeConfirmed")
                .doesNotContain("POSSIBLE_REVISION");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"code\" : \"KNOWN_REVISION\"");
        try (var in = Files.newInputStream(dir.resolve("report.xlsx"));
                var xlsx = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            boolean listed = false;
            for (int s = 0; s < xlsx.getNumberOfSheets(); s++) {
                for (var row : xlsx.getSheetAt(s)) {
                    for (var cell : row) {
                        listed |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && cell.getStringCellValue().equals("KNOWN_REVISION");
                    }
                }
            }
            assertThat(listed).as("the report's data issues list the revision").isTrue();
        }
    }

    @Test
    void refusesARevisionsFileThatDoesNotExistBeforeAnyWork() {
        Path dir = temp.resolve("missing");
        assertThat(replay(dir, "--revisions", temp.resolve("nope.csv").toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("nope.csv does not exist");
        assertThat(dir).doesNotExist();
    }
}
