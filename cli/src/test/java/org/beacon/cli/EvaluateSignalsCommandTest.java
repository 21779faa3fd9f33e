package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code beacon evaluate} with surveillance signals the situation must not be decided on. */
class EvaluateSignalsCommandTest extends CommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path tables() {
        return Workbooks.root().resolve("tables");
    }

    /** The multi-point example with {@code signals} in place of its own three. */
    private Path situationWith(String file, JsonNode... signals) throws Exception {
        ObjectNode situation = (ObjectNode) example();
        ArrayNode list = situation.putArray("signals");
        Arrays.stream(signals).forEach(list::add);
        return Files.writeString(temp.resolve(file), JSON.writeValueAsString(situation));
    }

    private static JsonNode example() throws Exception {
        return JSON.readTree(Files.readString(Workbooks.root()
                .resolve("examples/requests/influenza-signals-multi-point.json")));
    }

    private static JsonNode ili() throws Exception {
        return example().at("/signals").valueStream().filter(s -> s.at("/source").asString().equals("ili"))
                .findFirst().orElseThrow();
    }

    @Test
    void refusesTheSameSourceTwiceInsteadOfCountingItTwice() throws Exception {
        assertThat(run("evaluate", tables().toString(), situationWith("once.json", ili()).toString())).isZero();
        assertThat(out()).contains("warning orange");

        Path twice = situationWith("twice.json", ili(), ili());
        assertThat(run("evaluate", tables().toString(), twice.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/signals/1/source: 'ili' is already the source of /signals/0/source")
                .contains("one series per source");
    }

    @Test
    void refusesADailyCountAboveTheBoundAtThatDay() throws Exception {
        ObjectNode huge = (ObjectNode) ili();
        ArrayNode values = huge.putArray("values");
        for (int d = 0; d < ili().at("/values").size(); d++) {
            values.add(1e308);
        }
        Path situation = situationWith("huge.json", huge);

        assertThat(run("evaluate", tables().toString(), situation.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/signals/0/values/0: a daily count must be a number from 0 to 1000000000")
                .doesNotContain("Exception");
    }
}
