package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code beacon new x && beacon check x}: a starting point that passes its own check, and never overwrites. */
class StarterCommandTest extends CommandTest {

    @Test
    void writesAStarterWorkbookThatPassesTheCheck() {
        Path folder = temp.resolve("x");
        assertThat(run("new", folder.toString())).isZero();
        assertThat(out()).contains("wrote " + folder.resolve("starter.xlsx"));
        clearOutput();
        assertThat(run("check", folder.toString())).isZero();
        assertThat(out()).containsPattern("tests: [1-9]\\d* passed, 0 failed").contains("OK: 0 warning(s)")
                .contains("coverage: 7 of 7 rows answered by a test case; 0 condition(s) with an end not tested");
    }

    @Test
    void writesTheChineseWorkbookWithLangZhAndItPassesTheCheck() {
        Path folder = temp.resolve("中文");
        assertThat(run("new", folder.toString(), "--lang", "zh")).isZero();
        assertThat(out()).contains("已写入");
        clearOutput();
        assertThat(run("check", folder.toString(), "--lang", "zh")).isZero();
        assertThat(out()).containsPattern("[1-9]\\d* 个通过，0 个未通过").contains("没有错误");
    }

    @Test
    void theChineseStarterKeepsTheHigherOfTwoLevels() {
        Path folder = temp.resolve("级别");
        assertThat(run("new", folder.toString(), "--lang", "zh")).isZero();
        clearOutput();
        assertThat(run("evaluate", folder.toString(), "--event", "measles", "--set", "cases=12", "--set",
                "deaths=1", "--lang", "zh")).isZero();
        assertThat(out()).contains("level 高").contains("同样命中、但按 highest level 未采用：Level!R9, Level!R10");
    }

    @Test
    void decidesATrialOnTheStarterWorkbook() {
        Path folder = temp.resolve("x");
        assertThat(run("new", folder.toString())).isZero();
        clearOutput();
        assertThat(run("evaluate", folder.toString(), "--event", "measles", "--set", "cases=12", "--set",
                "deaths=0")).isZero();
        assertThat(out()).contains("grade Ⅲ").contains("Measles!R10").contains("Level!R10").contains("Medium");
    }

    @Test
    void writesIntoAnEmptyFolderThatAlreadyExists() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("empty"));
        assertThat(run("new", folder.toString())).isZero();
        assertThat(folder.resolve("starter.xlsx")).isRegularFile();
    }

    @Test
    void refusesAFolderThatHoldsAnythingAndChangesNothing() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("mine"));
        Path mine = Files.writeString(folder.resolve("notes.txt"), "my notes");
        assertThat(run("new", folder.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).isEqualTo("beacon: " + folder + " exists and is not an empty folder; nothing written "
                + "(choose a new folder)" + System.lineSeparator());
        assertThat(Files.list(folder)).containsExactly(mine);
        assertThat(mine).hasContent("my notes");
    }

    @Test
    void refusesAFileInPlaceOfTheFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("tables.xlsx"), "not a folder");
        assertThat(run("new", file.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void refusesNewWithoutAFolder() {
        assertThat(run("new")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("new takes the folder to create");
    }
}
