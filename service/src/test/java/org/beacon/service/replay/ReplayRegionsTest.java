package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Grade;
import org.beacon.rules.replay.ReplayResult.ArmStep;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.report.ReplayCsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's regions and one region's series, read back from a steps.csv as the replay writes it (the rules'
 * {@link ReplayCsvWriter}): the picker's search and pages, and a chart's dates, indicators and levels, with a name a
 * spreadsheet would run as a formula given back as it was typed.
 */
class ReplayRegionsTest {

    @TempDir
    Path folder;

    private final ReplayRegions regions = new ReplayRegions();

    private static List<Step> days(String code, String name, int n, Grade from, int raiseOn) {
        List<Step> steps = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Grade level = d >= raiseOn ? Grade.III : from;
            steps.add(new Step(code, name, LocalDate.of(2020, 1, 22).plusDays(d),
                    Map.of("newCases", BigDecimal.valueOf(d), "newCases7d", BigDecimal.valueOf(d * 7)),
                    List.of(new ArmStep("v1", level, null, level, null, null)), d >= 1 ? Grade.II : null));
        }
        return steps;
    }

    /** A steps.csv of {@code count} regions of three days each, named {@code 省 k}; the second one a formula. */
    private Path steps(int count) throws Exception {
        Path file = folder.resolve("steps.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ReplayCsvWriter csv = new ReplayCsvWriter(w, List.of("in force"), List.of("newCases", "newCases7d",
                    "daysWithoutNewCase"));
            for (int k = 0; k < count; k++) {
                csv.region(days(String.valueOf(100000 + k), k == 1 ? "=HYPERLINK(\"x\",\"y\")" : "省 " + k, 3, null,
                        2));
            }
            csv.finished(null);
        }
        return file;
    }

    @Test
    void listsTheRegionsByCodeAPageAtATimeAndFindsThemByCodeOrName() throws Exception {
        Path file = steps(45);
        ReplayViews.Regions first = regions.regions(file, "", 0, 20);
        assertThat(first.total()).isEqualTo(45);
        assertThat(first.items()).hasSize(20).first().isEqualTo(new ReplayViews.Region("100000", "省 0", 3));
        assertThat(regions.regions(file, null, 2, 20).items()).extracting(ReplayViews.Region::code)
                .containsExactly("100040", "100041", "100042", "100043", "100044");
        assertThat(regions.regions(file, " 省 4", 0, 20).items()).extracting(ReplayViews.Region::code)
                .containsExactly("100004", "100040", "100041", "100042", "100043", "100044");
        assertThat(regions.regions(file, "10003", 0, 20).total()).isEqualTo(10);
        assertThat(regions.regions(file, "hyperlink", 0, 20).items()).extracting(ReplayViews.Region::name)
                .containsExactly("=HYPERLINK(\"x\",\"y\")");
        assertThat(regions.regions(file, "", 9, 20).items()).isEmpty();
    }

    @Test
    void readsOneRegionsDatesIndicatorsAndLevelsForItsChart() throws Exception {
        Path file = steps(3);
        ReplayViews.Series s = regions.series(file, "100001");
        assertThat(s.name()).isEqualTo("=HYPERLINK(\"x\",\"y\")");
        assertThat(s.dates()).containsExactly("2020-01-22", "2020-01-23", "2020-01-24");
        assertThat(s.indicators()).containsOnlyKeys("newCases", "newCases7d");
        assertThat(s.indicators().get("newCases7d")).containsExactly(0.0, 7.0, 14.0);
        assertThat(s.arms()).singleElement().satisfies(a -> {
            assertThat(a.arm()).isNull();
            assertThat(a.levels()).isEqualTo(Arrays.asList(null, null, "Ⅲ"));
        });
        assertThat(s.actual()).isEqualTo(Arrays.asList(null, "Ⅱ", "Ⅱ"));
        assertThat(regions.series(file, "999999")).isNull();
    }
}
