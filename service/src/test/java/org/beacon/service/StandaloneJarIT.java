package org.beacon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.Workbooks;
import org.beacon.service.console.PackagedBeacon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar copied alone into an empty folder, started there as a person would ({@code java -jar beacon.jar}):
 * it starts on the tables it carries, and every start-up failure an operator meets first ends in a short report
 * naming the cause and the setting to change, never a stack trace.
 */
class StandaloneJarIT {

    private static PackagedBeacon alone;

    @BeforeAll
    static void startTheJarAlone() throws Exception {
        alone = PackagedBeacon.startAlone("standalone");
    }

    @AfterAll
    static void stop() throws Exception {
        alone.close();
    }

    @Test
    void aJarCopiedAloneStartsOnTheTablesItCarriesAndSaysSo() throws Exception {
        String situation = Files.readString(Workbooks.root().resolve("examples/requests/cholera-county-12.json"));

        Http.Response answer = alone.api().postJson("/evaluations", situation);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("grade").path("numeral").asText()).isEqualTo("Ⅲ");
        assertThat(answer.json().path("firedRules").toString()).contains("Cholera!R10");
        assertThat(alone.output()).contains("starting on the tables bundled in the jar")
                .contains("6 workbooks from the tables bundled in the jar became rule set v1");
    }

    @Test
    void theExtractedLayoutStartsAsTheReadmeSaysWithItsClassDataArchiveMapped() throws Exception {
        try (PackagedBeacon extracted = PackagedBeacon.startExtracted("extracted")) {
            String situation = Files.readString(Workbooks.root().resolve("examples/requests/cholera-county-12.json"));

            Http.Response answer = extracted.api().postJson("/evaluations", situation);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("grade").path("numeral").asText()).isEqualTo("Ⅲ");
        }
    }

    @Test
    void aTablesFolderGivenButMissingStopsTheStartInsteadOfUsingOtherTables() throws Exception {
        FailedStart start = failedStart("--beacon.tables-dir=tabels");

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.report()).contains("beacon.tables-dir=tabels names no folder")
                .contains("Set beacon.tables-dir to the folder of your workbooks");
        assertThat(start.output()).doesNotContain("bundled in the jar became");
        start.assertNoStackTrace();
    }

    @Test
    void tablesWithAnErrorStopTheStartNamingTheWorkbook() throws Exception {
        Path tables = Files.createDirectories(scratch().resolve("tables"));
        Files.writeString(tables.resolve("grading.xlsx"), "not a workbook");

        FailedStart start = failedStart("--beacon.tables-dir=" + tables);

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.report()).contains("grading.xlsx ERROR UNREADABLE_WORKBOOK")
                .contains("beacon check <folder>");
        start.assertNoStackTrace();
    }

    @Test
    void aPortInUseNamesServerPort() throws Exception {
        FailedStart start = failedStart("--server.port=" + alone.port());

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.report()).contains("cannot listen on port " + alone.port()).contains("--server.port=");
        start.assertNoStackTrace();
    }

    @Test
    void aDatabaseHeldByAnotherBeaconNamesTheDataDir() throws Exception {
        FailedStart start = failedStart("--beacon.data-dir=" + alone.dataDir());

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.report()).contains("cannot open its database").contains("beacon.data-dir");
        start.assertNoStackTrace();
    }

    @Test
    void aDataFolderTheDatabaseRefusesNamesTheFormToWrite() throws Exception {
        FailedStart start = failedStart("--beacon.data-dir=data");

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.report()).contains("does not start with ./").contains("--beacon.data-dir=./data");
        start.assertNoStackTrace();
    }

    /** What a start that failed printed, and its report: the lines after Spring Boot's "APPLICATION FAILED". */
    record FailedStart(int exitCode, String output) {
        String report() {
            int at = output.indexOf("APPLICATION FAILED TO START");
            assertThat(at).as("a failure report in:\n%s", output).isNotNegative();
            return output.substring(at);
        }

        void assertNoStackTrace() {
            assertThat(output.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                    .as("stack trace lines in:\n%s", output).isEmpty();
        }
    }

    private static FailedStart failedStart(String... arguments) throws Exception {
        Path folder = scratch();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", PackagedBeacon.jar().toAbsolutePath().toString(),
                "--server.address=127.0.0.1"));
        command.addAll(List.of(arguments));
        // a setting given twice on the command line is read as both values joined, so defaults only where not given
        if (List.of(arguments).stream().noneMatch(a -> a.startsWith("--server.port="))) {
            command.add("--server.port=0");
        }
        if (List.of(arguments).stream().noneMatch(a -> a.startsWith("--beacon.data-dir="))) {
            command.add("--beacon.data-dir=" + folder.resolve("data"));
        }
        Path log = folder.resolve("start.log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the start did not fail:\n" + Files.readString(log));
        }
        return new FailedStart(process.exitValue(), Files.readString(log));
    }

    private static Path scratch() throws Exception {
        return Files.createDirectories(PackagedBeacon.jar().toAbsolutePath().getParent().resolve("browser-tests")
                .resolve("standalone-" + UUID.randomUUID()));
    }
}
