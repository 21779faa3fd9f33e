package org.beacon.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The floors of {@code rules} as tests, on the compiled main classes: the model at the bottom, reading, analysis,
 * the engine and evaluation on it, the facade ({@code org.beacon.rules}) on top, replay above the facade, impact
 * above replay (its report, like replay's, writes with POI), and the starter workbook ({@code template}), which
 * writes with POI too, on the model alone. A new
 * dependency that breaks a floor fails here with the classes that break it.
 */
class PackageBoundariesTest {

    private static final String RULES = "org.beacon.rules";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(RULES);

    /**
     * Each package of rules (by its name under {@code org.beacon.rules}, "" for the facade) and the Beacon packages
     * it may use besides itself: the package map of the house style, written once.
     */
    private static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry("model", List.of()),
            Map.entry("signal", List.of()),
            Map.entry("csv", List.of()),
            Map.entry("decision", List.of("model")),
            Map.entry("workbook", List.of("model")),
            Map.entry("reading", List.of("model", "workbook")),
            Map.entry("analysis", List.of("model")),
            Map.entry("engine", List.of("model")),
            Map.entry("diff", List.of("model")),
            Map.entry("evaluation", List.of("model", "decision", "engine", "signal")),
            Map.entry("", List.of("model", "decision", "reading", "analysis", "engine", "evaluation")),
            Map.entry("replay", List.of("", "model", "decision", "signal")),
            Map.entry("replay.report", List.of("replay", "model", "csv")),
            Map.entry("calibration", List.of("", "model", "replay")),
            Map.entry("calibration.report", List.of("calibration", "csv")),
            Map.entry("impact", List.of("", "model", "decision", "replay")),
            Map.entry("impact.report", List.of("impact", "model", "replay.report")),
            Map.entry("template", List.of("model")));

    @Test
    void theRulesAreCheckedOnTheirMainClasses() {
        assertThat(MAIN.contain(CompiledRuleSet.class)).isTrue();
        assertThat(MAIN.contain(org.beacon.rules.engine.RuleBase.class)).isTrue();
        assertThat(MAIN.contain(PackageBoundariesTest.class)).as("tests are not checked").isFalse();
    }

    @Test
    void thePackagesOfRulesFormNoCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void rulesNeverUsesSpring() {
        noClasses().that().resideInAPackage(RULES + "..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..").check(MAIN);
    }

    @Test
    void onlyTheEngineSeesDrools() {
        noClasses().that().resideInAPackage(RULES + "..").and().resideOutsideOfPackage(RULES + ".engine")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..").check(MAIN);
    }

    @Test
    void onlyWorkbookReadingAndReportWritingSeePoi() {
        noClasses().that().resideInAPackage(RULES + "..")
                .and().resideOutsideOfPackages(RULES + ".workbook", RULES + ".replay.report",
                        RULES + ".calibration.report", RULES + ".impact.report", RULES + ".template")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi..").check(MAIN);
    }

    @Test
    void theModelUsesNoOtherBeaconPackage() {
        noClasses().that().resideInAPackage(RULES + ".model").should()
                .dependOnClassesThat(resideInAPackage("org.beacon..").and(not(resideInAPackage(RULES + ".model"))))
                .check(MAIN);
    }

    @Test
    void eachPackageUsesOnlyTheFloorsBelowIt() {
        MAY_USE.forEach((name, allowed) -> {
            String[] own = Stream.concat(Stream.of(name), allowed.stream()).map(PackageBoundariesTest::qualified)
                    .toArray(String[]::new);
            classes().that().resideInAPackage(qualified(name)).should().onlyDependOnClassesThat(
                    not(resideInAPackage("org.beacon..")).or(resideInAnyPackage(own))).check(MAIN);
        });
    }

    @Test
    void everyPackageOfRulesHasItsPlaceInTheMap() {
        classes().that().resideInAPackage(RULES + "..").should().resideInAnyPackage(MAY_USE.keySet().stream()
                .map(PackageBoundariesTest::qualified).toArray(String[]::new)).check(MAIN);
    }

    private static String qualified(String name) {
        return name.isEmpty() ? RULES : RULES + "." + name;
    }

    /** Every package of rules is a slice of its own, so a cycle between any two of them is found. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith(RULES) ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of " + RULES;
        }
    };
}
