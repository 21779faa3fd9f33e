package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 4: a start keeps the Drools packages of the version it compiled under the data folder, and the next
 * start loads them instead of compiling the rules again, deciding alike; a damaged file or one from another build is
 * never loaded but compiled again (and rewritten); files no stored version can use are removed.
 */
class KeptCompilationsTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    @Test
    void theFirstStartKeepsItsCompiledRulesAndARestartLoadsThemDecidingAlike() throws Exception {
        GradingFolder folder = GradingFolder.create("kept-compilations");
        RuleSetProperties properties = properties(folder);
        KeptCompilations kept = KeptCompilations.of(properties);
        List<WorkbookSource> sources = WorkbookSource.readAll(folder.root().resolve("tables"));

        Compilation first = kept.compile(COMPILER, "v1", sources);
        Compilation restart = kept.compile(COMPILER, "v1", sources);

        assertThat(first.precompiled()).isFalse();
        assertThat(keptFiles(folder)).hasSize(1);
        assertThat(restart.precompiled()).isTrue();
        assertDecidesAlike(restart, first);
    }

    @Test
    void aFileWithAFlippedByteIsCompiledAgainWithTheSameAnswersAndRewritten() throws Exception {
        GradingFolder folder = GradingFolder.create("kept-compilations-flipped");
        KeptCompilations kept = KeptCompilations.of(properties(folder));
        List<WorkbookSource> sources = WorkbookSource.readAll(folder.root().resolve("tables"));
        Compilation first = kept.compile(COMPILER, "v1", sources);
        Path file = keptFiles(folder).get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        Compilation damaged = kept.compile(COMPILER, "v1", sources);
        Compilation next = kept.compile(COMPILER, "v1", sources);

        assertThat(damaged.precompiled()).isFalse();
        assertDecidesAlike(damaged, first);
        assertThat(next.precompiled()).as("the file was rewritten whole").isTrue();
    }

    @Test
    void rulesKeptByAnotherBuildAreCompiledAgain() throws Exception {
        GradingFolder folder = GradingFolder.create("kept-compilations-build");
        Path compiled = folder.root().resolve("data/compiled");
        List<WorkbookSource> sources = WorkbookSource.readAll(folder.root().resolve("tables"));
        new KeptCompilations(compiled, "beacon 0.1.0 built yesterday").compile(COMPILER, "v1", sources);

        Compilation c = new KeptCompilations(compiled, "beacon 0.1.0 built today").compile(COMPILER, "v1", sources);

        assertThat(c.precompiled()).isFalse();
        assertThat(c.succeeded()).isTrue();
    }

    @Test
    void aWorkbookWithAnErrorIsNotKept() throws Exception {
        GradingFolder folder = GradingFolder.create("kept-compilations-error");
        Files.write(folder.root().resolve("tables/grading.xlsx"), "not a workbook".getBytes());
        KeptCompilations kept = KeptCompilations.of(properties(folder));

        Compilation c = kept.compile(COMPILER, "v1", WorkbookSource.readAll(folder.root().resolve("tables")));

        assertThat(c.succeeded()).isFalse();
        assertThat(folder.root().resolve("data/compiled")).doesNotExist();
    }

    @Test
    void filesNoStoredVersionCanUseAreRemovedAndTheOneInUseStaysLoadable() throws Exception {
        GradingFolder folder = GradingFolder.create("kept-compilations-cleanup");
        Path compiled = folder.root().resolve("data/compiled");
        KeptCompilations kept = new KeptCompilations(compiled, "beacon 0.1.0 built today");
        List<WorkbookSource> sources = WorkbookSource.readAll(folder.root().resolve("tables"));
        kept.compile(COMPILER, "v1", sources);
        String stored = RuleSetCompiler.contentHash(sources);
        Path inUse = compiled.resolve(stored + ".rules");
        Path noVersion = Files.copy(inUse, compiled.resolve("0".repeat(64) + ".rules"));
        Path otherBuild = compiled.resolve("1".repeat(64) + ".rules");
        new KeptCompilations(compiled, "beacon 0.1.0 built yesterday").compile(COMPILER, "v1", sources);
        Files.move(inUse, otherBuild); // another build's file, for workbooks a stored version has
        kept.compile(COMPILER, "v1", sources);
        Path leftByAKill = Files.writeString(compiled.resolve(stored + ".rules123.partial"), "half");
        Files.setLastModifiedTime(leftByAKill, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path notOurs = Files.writeString(compiled.resolve("README.txt"), "left alone");

        List<Path> removed = kept.removeUnused(() -> Set.of(stored, "1".repeat(64)));

        assertThat(removed).containsExactlyInAnyOrder(noVersion, otherBuild, leftByAKill);
        try (Stream<Path> left = Files.list(compiled)) {
            assertThat(left).containsExactlyInAnyOrder(inUse, notOurs);
        }
        assertThat(kept.compile(COMPILER, "v1", sources).precompiled()).as("the file in use was kept").isTrue();
    }

    private static void assertDecidesAlike(Compilation actual, Compilation expected) {
        CompiledRuleSet a = actual.ruleSet().orElseThrow();
        CompiledRuleSet e = expected.ruleSet().orElseThrow();
        for (int cases : new int[] {0, 9, 29, 30, 31}) {
            assertThat(a.evaluate(cholera(cases))).as("%d cases", cases).isEqualTo(e.evaluate(cholera(cases)));
        }
    }

    private static List<Path> keptFiles(GradingFolder folder) throws Exception {
        try (Stream<Path> files = Files.list(folder.root().resolve("data/compiled"))) {
            return files.filter(f -> f.toString().endsWith(".rules")).toList();
        }
    }

    private static RuleSetProperties properties(GradingFolder folder) {
        return new RuleSetProperties("./" + folder.root().resolve("tables"),
                new RuleSetProperties.RuleSets(1, Duration.ofSeconds(5), 10_000, 200_000, null),
                "./" + folder.root().resolve("data"));
    }

    private static Situation cholera(int cases) {
        return new Situation("cholera", new Region("330106", null, null), null, Map.of("cases", cases));
    }
}
