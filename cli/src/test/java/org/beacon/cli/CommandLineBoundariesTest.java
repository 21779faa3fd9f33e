package org.beacon.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command line uses the rules' facade, model, decisions, replay, diff, impact and starter workbook, never what
 * lies behind them.
 */
class CommandLineBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.beacon.cli");

    @Test
    void theCommandLineIsCheckedOnItsMainClasses() {
        assertThat(MAIN.contain(BeaconCommand.class)).isTrue();
        assertThat(MAIN.contain(CommandLineBoundariesTest.class)).isFalse();
    }

    @Test
    void theCommandLineUsesOnlyTheFacadeModelReplayAndDiff() {
        noClasses().that().resideInAPackage("org.beacon.cli..").should().dependOnClassesThat(
                resideInAPackage("org.beacon.rules..").and(not(resideInAnyPackage("org.beacon.rules",
                        "org.beacon.rules.model", "org.beacon.rules.decision", "org.beacon.rules.replay",
                        "org.beacon.rules.replay.report", "org.beacon.rules.diff", "org.beacon.rules.calibration",
                        "org.beacon.rules.calibration.report", "org.beacon.rules.impact",
                        "org.beacon.rules.impact.report", "org.beacon.rules.template"))))
                .check(MAIN);
    }
}
