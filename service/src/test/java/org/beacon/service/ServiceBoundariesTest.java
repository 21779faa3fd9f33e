package org.beacon.service;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.junit.jupiter.api.Test;

/**
 * The service's packages as tests, on the compiled main classes: packages by feature without cycles, the shared web
 * pieces below every feature, and the rules used through their facade, model, decisions, replay and diff only (the
 * same packages the command line may use; the console also the cells of workbooks as read, to draw sheets), never
 * Drools, KIE or POI directly.
 */
class ServiceBoundariesTest {

    /** What the service may use of the rules: the facade, the model, the answers, replays and diffs. */
    private static final String[] RULES_API = {"org.beacon.rules", "org.beacon.rules.model",
        "org.beacon.rules.decision", "org.beacon.rules.replay", "org.beacon.rules.replay.report",
        "org.beacon.rules.diff", "org.beacon.rules.impact", "org.beacon.rules.impact.report",
        "org.beacon.rules.calibration", "org.beacon.rules.calibration.report"};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.beacon.service");

    @Test
    void theServiceIsCheckedOnItsMainClasses() {
        assertThat(MAIN.contain(RuleSetRegistry.class)).isTrue();
        assertThat(MAIN.contain(ServiceBoundariesTest.class)).isFalse();
    }

    @Test
    void thePackagesOfTheServiceFormNoCycle() {
        slices().matching("org.beacon.service.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theServiceUsesOnlyTheFacadeModelDecisionsReplayAndDiffOfTheRules() {
        noClasses().that().resideInAPackage("org.beacon.service..")
                .and().resideOutsideOfPackage("org.beacon.service.console..").should().dependOnClassesThat(
                resideInAPackage("org.beacon.rules..").and(not(resideInAnyPackage(RULES_API))))
                .check(MAIN);
    }

    /**
     * The console draws an expert's sheets as they are written (merged cells, headers, the cell a diagnostic names),
     * which only the cells as read show: it may also use {@code org.beacon.rules.workbook}, and no other internal.
     */
    @Test
    void theConsoleAlsoReadsTheCellsOfWorkbooksAndNothingElseInside() {
        noClasses().that().resideInAPackage("org.beacon.service.console..").should().dependOnClassesThat(
                resideInAPackage("org.beacon.rules..").and(not(resideInAnyPackage(RULES_API)))
                        .and(not(resideInAPackage("org.beacon.rules.workbook"))))
                .check(MAIN);
    }

    @Test
    void theServiceNeverUsesDroolsKieOrPoi() {
        noClasses().that().resideInAPackage("org.beacon.service..").should().dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..", "org.apache.poi..").check(MAIN);
    }

    @Test
    void theSharedWebPiecesUseNoFeature() {
        noClasses().that().resideInAPackage("org.beacon.service.web..").should().dependOnClassesThat()
                .resideInAnyPackage("org.beacon.service.evaluation..", "org.beacon.service.ruleset..",
                        "org.beacon.service.replay..", "org.beacon.service.security..", "org.beacon.service.impact..",
                        "org.beacon.service.console..", "org.beacon.service.faults..", "org.beacon.service.runs..",
                        "org.beacon.service.calibration..")
                .check(MAIN);
    }
}
