package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code beacon evaluate} refuses each situation of {@code examples/invalid-situations/corpus.json} at exactly the
 * pointers the corpus lists, which {@code SituationCorpusApiTest} holds the API to as well: one set of rules.
 */
class SituationCorpusCommandTest extends CommandTest {

    /** A pointer where a line of the error output names one: {@code file /region/code: …}. */
    private static final Pattern POINTER = Pattern.compile("\\s(/[A-Za-z0-9_~/]*): ");

    static List<JsonNode> corpus() throws Exception {
        JsonNode all = JsonMapper.builder().build().readTree(Files.readString(
                Workbooks.root().resolve("examples/invalid-situations/corpus.json")));
        List<JsonNode> entries = new ArrayList<>();
        all.forEach(entries::add);
        return entries;
    }

    @TestFactory
    Stream<DynamicTest> refusesEachSituationOfTheCorpusAtItsPointers() throws Exception {
        String tables = Workbooks.root().resolve("tables").toString();
        return corpus().stream().map(entry -> DynamicTest.dynamicTest(entry.at("/name").asString(), () -> {
            clearOutput();
            Path file = Files.writeString(temp.resolve("situation.json"), entry.at("/situation").toString());
            assertThat(run("evaluate", tables, file.toString())).as(err()).isEqualTo(BeaconCommand.USAGE);
            List<String> pointers = new ArrayList<>();
            for (String line : err().split("\\R")) {
                Matcher m = POINTER.matcher(line);
                if (m.find()) {
                    pointers.add(m.group(1));
                }
            }
            List<String> expected = new ArrayList<>();
            entry.at("/problems").forEach(p -> expected.add(p.asString()));
            assertThat(pointers).as(err()).containsExactlyElementsOf(expected);
            assertThat(out()).isEmpty();
        }));
    }
}
