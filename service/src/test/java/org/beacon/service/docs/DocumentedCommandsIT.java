package org.beacon.service.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.beacon.service.console.PackagedBeacon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The README and the documents of {@code docs/} as a reader follows them, against {@code target/beacon.jar} started
 * as they say: every block marked {@code <!-- tested -->} is run with {@code bash} in a folder of its own holding
 * what the commands need from the repository ({@code tables/}, {@code examples/}, {@code ./beacon} and the built
 * command line), every table marked {@code <!-- tested: edit -->} is done to the workbook as a person does in Excel,
 * in the document's order, and each command must give what its {@code # →} comment says. So the commands a newcomer
 * copies cannot drift from what Beacon does. One jar serves all documents, the README first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedCommandsIT {

    private static final String PRINTED_PASSWORD = "<the printed password>";

    private PackagedBeacon beacon;
    private Path readers;

    @BeforeAll
    void startTheJar() throws Exception {
        Path commandLine = Workbooks.root().resolve("cli/target/beacon-cli.jar");
        assertThat(commandLine).as("the documents run ./beacon, which needs the command line built first (the "
                + "reactor builds cli before service: ./mvnw verify, or -pl service -am)").isRegularFile();
        Process curl = new ProcessBuilder("bash", "-c", "command -v curl").start();
        assertThat(curl.waitFor()).as("the documents' commands need bash and curl (apt-get install curl)")
                .isZero();
        beacon = PackagedBeacon.start("DocumentedCommandsIT");
        readers = Files.createDirectories(Path.of(System.getProperty("beacon.jar", "target/beacon.jar"))
                .toAbsolutePath().getParent().resolve("documented-commands"));
    }

    @AfterAll
    void stopTheJar() throws Exception {
        if (beacon != null) {
            beacon.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTestedCommandGivesWhatItsDocumentSays() throws IOException {
        Path root = Workbooks.root();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        documents.add(root.resolve("tables/README.md"));
        List<DocumentedSteps.Step> readme = DocumentedSteps.of(documents.get(0));
        assertThat(readme).as("the README's tested steps: its decision and its round trip")
                .anyMatch(s -> s instanceof DocumentedSteps.Edits)
                .filteredOn(s -> s instanceof DocumentedSteps.Commands)
                .flatExtracting(s -> ((DocumentedSteps.Commands) s).commands())
                .extracting(DocumentedSteps.Command::text)
                .anyMatch(c -> c.contains("/evaluations"))
                .anyMatch(c -> c.contains("?ruleSet=v2"))
                .anyMatch(c -> c.startsWith("./beacon check"));
        return documents.stream().map(d -> DynamicTest.dynamicTest(root.relativize(d).toString(), () -> follow(d)));
    }

    private void follow(Path document) throws Exception {
        List<DocumentedSteps.Step> steps = DocumentedSteps.of(document);
        if (steps.isEmpty()) {
            return;
        }
        Path folder = readerFolder(Workbooks.root().relativize(document).toString().replace(".md", "")
                .replace('/', '-'));
        ReaderShell shell = new ReaderShell(folder,
                Map.of("localhost:8080", "127.0.0.1:" + beacon.port(), PRINTED_PASSWORD, beacon.admin().password()),
                Map.of("BEACON", beacon.admin().username() + ":" + beacon.admin().password()),
                folder.resolveSibling(folder.getFileName() + ".log"));
        for (DocumentedSteps.Step step : steps) {
            if (step instanceof DocumentedSteps.Edits edits) {
                for (DocumentedSteps.CellEdit edit : edits.edits()) {
                    CellEditor.apply(folder, edit);
                }
            } else if (step instanceof DocumentedSteps.Commands block) {
                List<ReaderShell.Outcome> outcomes = shell.run(block.commands());
                for (int i = 0; i < outcomes.size(); i++) {
                    DocumentedSteps.Command command = block.commands().get(i);
                    assertThat(ExpectedOutcome.differences(command, outcomes.get(i)))
                            .as("%s line %d: %s%nprinted:%n%s", document.getFileName(), command.line(),
                                    shell.asRun(command), shorten(outcomes.get(i).output()))
                            .isEmpty();
                }
            }
        }
    }

    /** A fresh folder with what a reader has in a clone of the repository, and nothing they made before. */
    private Path readerFolder(String name) throws IOException {
        Path root = Workbooks.root();
        Path folder = readers.resolve(name);
        delete(folder);
        Files.deleteIfExists(readers.resolve(name + ".log"));
        Files.createDirectories(folder.resolve("cli"));
        copy(root.resolve("tables"), folder.resolve("tables"));
        copy(root.resolve("examples"), folder.resolve("examples"));
        Files.copy(root.resolve("beacon"), folder.resolve("beacon"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(folder.resolve("cli/target"), root.resolve("cli/target"));
        return folder;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String shorten(String output) {
        return output.length() <= 4000 ? output : output.substring(0, 4000) + "\n…";
    }
}
