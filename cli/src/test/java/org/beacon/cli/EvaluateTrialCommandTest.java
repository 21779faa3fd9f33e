package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** {@code beacon evaluate tables/ --event cholera --set cases=12}: a quick trial without writing a JSON file. */
class EvaluateTrialCommandTest extends CommandTest {

    private static String tables() {
        return Workbooks.root().resolve("tables").toString();
    }

    @Test
    void decidesASituationTypedOnTheCommandLineExactlyAsItsFile() {
        Path file = Workbooks.root().resolve("examples/requests/cholera-county-12.json");
        assertThat(run("evaluate", tables(), file.toString())).isZero();
        String fromFile = out();
        clearOutput();
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=12", "--set=countiesAffected=1",
                "--region-code", "330106", "--region-name", "杭州市西湖区", "--region-level", "county",
                "--date", "2026-07-01")).isZero();
        assertThat(out()).isEqualTo(fromFile);
    }

    @Test
    void decidesWithoutARegionOrDateWhenTheTablesDoNotNeedThem() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=12", "--set",
                "countiesAffected=1")).isZero();
        assertThat(out()).contains("decision:  grade Ⅲ 较大, warning yellow 黄");
    }

    @Test
    void showsTheRowsCustomOutputsInTheSummary() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=12", "--set",
                "countiesAffected=1")).isZero();
        String summary = out().substring(0, out().indexOf("rule set:"));
        assertThat(summary).containsPattern("outputs: +.*label .*10～29");
    }

    @Test
    void printsJsonLikeTheFileWouldOnRequest() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=12", "--json")).isZero();
        assertThat(out()).contains("\"grade\" : \"III\"");
    }

    @Test
    void refusesAnUnknownIndicatorWithThePointerAFileWouldGet() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "casez=12"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/indicators/casez: unknown indicator 'casez'; did you mean cases?");
    }

    @Test
    void refusesASetWithoutAName() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "12")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).startsWith("beacon: --set takes name=value, not '12'");
        assertThat(out()).isEmpty();
    }

    @Test
    void refusesTheSameIndicatorSetTwice() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=12", "--set", "cases=13"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).startsWith("beacon: --set cases= is given twice");
    }

    @Test
    void refusesARegionLevelThereIsNot() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=12", "--region-level", "state"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/region/level").contains("'state'");
    }

    @Test
    void leavesAValueMissingWhenNothingFollowsTheEqualsSign() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "cases=")).isZero();
        assertThat(out()).contains("decision:  no row matched");
    }

    @Test
    void speaksChineseWithLangZh() {
        assertThat(run("evaluate", tables(), "--event", "cholera", "--set", "12", "--lang", "zh"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("--set 的写法是 名称=取值");
    }
}
