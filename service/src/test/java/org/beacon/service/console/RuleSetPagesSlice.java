package org.beacon.service.console;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.beacon.rules.diff.Change;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.impact.ImpactService;
import org.beacon.service.impact.ImpactViews;
import org.beacon.service.ruleset.CholeraThresholds;
import org.beacon.service.ruleset.RuleSetEvent;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.ruleset.VersionDiff;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The slice the rule-set pages are tested in ({@link ConsoleRuleSetPagesTest}, {@link ConsoleCheckPageTest}, and
 * {@link ConsolePagesTest} with versions of its own): the real security configuration and workbook reading, the
 * services mocked at the slice's boundary, and the versions the mocked rule-set service knows, built from the bundled
 * tables and small generated workbooks.
 */
@WebMvcTest(controllers = {RuleSetPage.class, RuleSetsPage.class, CheckPage.class, ConsoleController.class})
@Import({Navigation.class, RuleSetOverview.class, WorkbookSheets.class, ConsolePagesTest.Security.class})
abstract class RuleSetPagesSlice {

    static final String HOSTILE = CholeraThresholds.HOSTILE;
    private static final Path TABLES = Workbooks.root().resolve("tables");
    private static final byte[] BIG = big();

    static final List<Change> CHANGES = List.of(
            new Change("changed", "row", "Cholera!R8", "cases ≥ 25 (was ≥ 30, Cholera!A8)"),
            new Change("changed", "row", "Cholera!R10", "cases 10～24 (was 10～29, Cholera!A10)"),
            new Change("changed", "test", "national-grading.xlsx Tests!R33", "given cases = 24 (was 29)"),
            new Change("changed", "parameter", "classBC_multiplier_III", "2 → 3"));

    static final UUID IMPACT_RUN = UUID.fromString("5d1f0c3e-8a2b-4c6d-9e7f-1a2b3c4d5e6f");

    @Autowired
    MockMvc mvc;

    // the home page's picture from the audit trail and the running replays: not part of these slices
    @MockitoBean
    TodaysPicture picture;

    @MockitoBean
    org.beacon.service.replay.RunningReplays replays;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    // the version page lists its impact runs for editors and up; the runs themselves are ConsoleImpactPageTest's
    @MockitoBean
    ImpactService impact;

    /**
     * v1 the bundled tables (in force), v2 a draft with the cholera threshold moved and one impact run, v3 a draft
     * with a generated 2,000-row sheet and merged cells, v9 unknown; a user of each role.
     */
    @BeforeEach
    void versions() {
        when(impact.list(anyString(), eq(0), anyInt())).thenReturn(new ImpactViews.Page(0, 10, 0, List.of()));
        when(impact.list(eq("v2"), eq(0), anyInt())).thenReturn(new ImpactViews.Page(0, 10, 1, List.of(
                new ImpactViews.Item(IMPACT_RUN, "done", "epi-" + HOSTILE, Instant.parse("2026-12-04T09:30:00Z"),
                        Instant.parse("2026-12-04T09:31:00Z"), "v1", tools.jackson.databind.json.JsonMapper.builder()
                        .build().readTree("{\"from\":\"2026-11-04\",\"to\":\"2026-12-04\"}"), null, null,
                        java.util.Map.of()))));
        StoredUsers.knowOneOfEachRole(users);
        List<String> names = bundled().stream().map(WorkbookSource::name).toList();
        when(ruleSets.list()).thenReturn(List.of(version("v1", "active", true, "bundled tables", names),
                version("v2", "draft", false, "cholera Ⅱ from 25", names),
                version("v3", "draft", false, HOSTILE, List.of("big.xlsx"))));
        when(ruleSets.events()).thenReturn(List.of(new RuleSetEvent(1, "v1", RuleSetEvent.ACTIVATION, null,
                "system", Instant.parse("2026-11-01T08:00:00Z"))));
        when(ruleSets.workbooks("v1")).thenReturn(bundled());
        when(ruleSets.workbooks("v2")).thenReturn(withGrading(CholeraThresholds.from25()));
        when(ruleSets.workbooks("v3")).thenReturn(List.of(new WorkbookSource("big.xlsx", BIG)));
        when(ruleSets.workbooks("v9")).thenThrow(new RuleSetNotFoundException("v9"));
        when(ruleSets.diff("v1", "v2")).thenReturn(new VersionDiff("v1", "v2", 0, 0, 4, CHANGES));
        when(ruleSets.diff("v1", "v3")).thenReturn(new VersionDiff("v1", "v3", 0, 0, 0, List.of()));
    }

    static List<WorkbookSource> bundled() {
        try (Stream<Path> files = Files.list(TABLES)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).sorted().map(WorkbookSource::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<WorkbookSource> withGrading(byte[] grading) {
        List<WorkbookSource> v = new ArrayList<>();
        bundled().forEach(w -> v.add(w.name().equals(CholeraThresholds.WORKBOOK) ? new WorkbookSource(w.name(),
                grading) : w));
        return v;
    }

    /** A Tests-like sheet of 2,000 rows, a notes sheet with merged cells and a hostile cell. */
    private static byte[] big() {
        WorkbookBuilder b = new WorkbookBuilder();
        WorkbookBuilder.Sheet s = b.sheet("Big").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade");
        for (int i = 3; i <= 2000; i++) {
            s.row("cholera", i, "Ⅲ");
        }
        b.sheet("说明").row("合并标题 Merged title").row("a", "b", "c").row(HOSTILE).merge("A1:C1");
        return b.bytes();
    }

    /** The grading workbook as the check form uploads it. */
    static MockMultipartFile gradingUpload(byte[] bytes) {
        return new MockMultipartFile("files", CholeraThresholds.WORKBOOK,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }

    static RuleSetView version(String id, String status, boolean today, String comment,
            List<String> workbooks) {
        return version(id, status, today, null, "editor", comment, workbooks);
    }

    /** A version created on the day of its number (v3 on 2026-11-03), effective from {@code from} when not null. */
    static RuleSetView version(String id, String status, boolean today, LocalDate from, String author,
            String comment, List<String> workbooks) {
        return new RuleSetView(id, "hash-" + id, author, comment, Instant.parse("2026-11-0" + id.substring(1)
                + "T08:00:00Z"), from, status, today, workbooks, 0, 370, null, null, null);
    }
}
