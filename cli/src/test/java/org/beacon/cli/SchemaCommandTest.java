package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code beacon schema <tables>}: the JSON Schema of the situations the tables decide, from their Dictionary. */
class SchemaCommandTest extends CommandTest {

    @Test
    void writesTheSchemaOfTheBundledTablesSituations() {
        assertThat(run("schema", Workbooks.root().resolve("tables").toString())).isZero();
        JsonNode schema = JsonMapper.builder().build().readTree(out());
        assertThat(schema.at("/$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/required").toString()).isEqualTo("[\"eventType\",\"region\"]");
        assertThat(schema.at("/properties/region/required").toString()).isEqualTo("[\"code\"]");
        assertThat(schema.at("/properties/eventType/enum").toString()).contains("\"cholera\"");
        JsonNode cases = schema.at("/properties/indicators/properties/cases");
        assertThat(cases.at("/type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(cases.at("/minimum").asInt()).isZero();
        assertThat(schema.at("/properties/indicators/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/indicators/properties/adminLevel").isMissingNode()).isTrue();
    }

    @Test
    void refusesTablesWithErrorsWithoutASchema() throws Exception {
        java.nio.file.Path broken = java.nio.file.Files.write(temp.resolve("broken.xlsx"), new byte[] {1, 2, 3});
        assertThat(run("schema", broken.toString())).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).doesNotContain("$schema");
    }
}
