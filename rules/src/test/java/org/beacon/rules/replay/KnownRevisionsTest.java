package org.beacon.rules.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Workbooks;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data that lies: Hubei's re-count of April 2020 in the COVID-19 example, flagged, then excluded. */
class KnownRevisionsTest {

    private static final Path FOLDER = Workbooks.root().resolve("examples/timelines");
    private static final LocalDate RECOUNT = LocalDate.of(2020, 4, 16);
    private static CompiledRuleSet tables;

    @BeforeAll
    static void compileTheBundledTables() {
        tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root().resolve("tables"))).ruleSet()
                .orElseThrow();
    }

    private static ReplayInput read(String source, String revisions) throws IOException {
        try (Reader t = Files.newBufferedReader(FOLDER.resolve("covid-2020-zhejiang-hubei-guangdong.csv"),
                StandardCharsets.UTF_8)) {
            return ReplayInput.read(t, "covid.csv", TimelineCsv.Options.defaults().withSource(source), null, null,
                    revisions == null ? null : new StringReader(revisions), "revisions.csv");
        }
    }

    private static List<Transition> hubei(Summary s) {
        return s.transitions().stream().filter(t -> t.region().equals("420000")).toList();
    }

    private static Summary replay(Timeline t) {
        return new Replayer(List.of(Replayer.Arm.pinned("v1", tables)), null, 1).run(t);
    }

    @Test
    void flagsHubeisRecountAsAPossibleRevisionOnTheDayItsSourceDatesIt() throws IOException {
        Timeline canghailan = read("canghailan", null).timeline();
        Timeline jhu = read("jhu", null).timeline();

        assertThat(canghailan.issues()).filteredOn(i -> i.code().equals("POSSIBLE_REVISION"))
                .extracting(DataIssue::where).containsExactly("420000 2020-04-16");
        assertThat(jhu.issues()).filteredOn(i -> i.code().equals("POSSIBLE_REVISION"))
                .extracting(DataIssue::where).containsExactly("420000 2020-04-17");
        assertThat(canghailan.issues()).filteredOn(i -> i.code().equals("POSSIBLE_REVISION")).singleElement()
                .satisfies(i -> assertThat(i.detail()).startsWith("cumulativeConfirmed rises by 325, over 10× the "
                        + "largest rise of the 14 days before"));
        assertThat(hubei(replay(canghailan))).as("without the revisions file the re-count raises Ⅳ → Ⅰ")
                .anySatisfy(t -> {
                    assertThat(t.date()).isEqualTo(RECOUNT);
                    assertThat(t.to()).isEqualTo(Grade.I);
                });
    }

    @Test
    void withTheExampleRevisionsFileTheSpuriousEscalationIsGoneAndTheReportSaysWhy() throws IOException {
        String file = Files.readString(FOLDER.resolve("covid-2020-revisions.csv"));
        Summary before = replay(read("canghailan", null).timeline());
        Summary after = replay(read("canghailan", file).timeline());

        assertThat(hubei(after)).noneMatch(t -> t.date().equals(RECOUNT))
                .noneMatch(t -> t.date().isAfter(RECOUNT.minusDays(1)) && t.to() == Grade.I);
        assertThat(after.issues()).filteredOn(i -> i.where().equals("420000 2020-04-16"))
                .extracting(DataIssue::code).containsExactly("KNOWN_REVISION");
        assertThat(after.issues()).filteredOn(i -> i.code().equals("KNOWN_REVISION")).singleElement()
                .satisfies(i -> assertThat(i.detail()).startsWith("excluded from the counts: 325 of "
                        + "cumulativeConfirmed").contains("Wuhan re-count"));
        assertThat(after.transitions().stream().filter(t -> !t.region().equals("420000")).toList())
                .as("other regions replay as before")
                .isEqualTo(before.transitions().stream().filter(t -> !t.region().equals("420000")).toList());
    }

    @Test
    void aRevisionOnADayWithoutARiseExcludesNothingAndSaysSo() throws IOException {
        Timeline jhu = read("jhu", "region,date\n420000,2020-04-16\n").timeline();

        assertThat(jhu.issues()).filteredOn(i -> i.code().equals("KNOWN_REVISION")).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("nothing excluded"));
        assertThat(jhu.issues()).filteredOn(i -> i.code().equals("POSSIBLE_REVISION"))
                .extracting(DataIssue::where).containsExactly("420000 2020-04-17");
    }

    @Test
    void aRevisionOutsideTheTimelineOrWithABadDateIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("canghailan", "region,date\n420000,2021-04-16\n"))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.issues())
                        .extracting(DataIssue::toString).containsExactly("ERROR INVALID_VALUE revisions.csv: the "
                                + "revision of 420000 on 2021-04-16 is not in the timeline (it covers 2020-01-01 to "
                                + "2020-06-30)"));
        assertThatThrownBy(() -> read("canghailan", "region,date\n420000,16/04/2020\n"))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.issues().get(0).where())
                        .startsWith("revisions.csv:2"));
        assertThatThrownBy(() -> read("canghailan", "province,day\n420000,2020-04-16\n"))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.issues().get(0).code())
                        .isEqualTo("MISSING_COLUMN"));
    }
}
