package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.beacon.rules.WorkbookEdits;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The README's round trip with the bundled tables (v1, six workbooks): an upload is a change to a base version, so
 * uploading the one workbook an expert changed keeps the other five; {@code remove=} drops one, {@code replace=all}
 * uploads a complete set, and the answer says what changed against the base. A version is its workbooks plus its
 * effective date. The steps build on each other, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestUsers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadOverBaseTest {

    private static final Path TABLES = Workbooks.root().resolve("tables");
    private static final String GRADING = "national-grading.xlsx";
    private static final List<String> BUNDLED = List.of("escalation.xlsx", GRADING, "reporting.xlsx",
            "response.xlsx", "risk-map.xlsx", "warning.xlsx");
    /** Generated once: POI stamps the time into every file it writes, and the same bytes must give the same id. */
    private static final byte[] RELABELLED = BrokenWorkbooks.withCell(bundled(GRADING), "Cholera", 8, 7,
            "一个市(地)内1周内发病30例及以上 30 or more cases in one week");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("beacon.tables-dir", TABLES::toString);
        registry.add("beacon.data-dir", () -> "./target/upload-over-base-" + System.nanoTime());
    }

    private static byte[] bundled(String name) {
        try {
            return Files.readAllBytes(TABLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Http editor() {
        return new Http(port, users.editor());
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private List<String> versions() {
        return editor().get("/rule-sets").json().valueStream().map(v -> v.at("/id").asString()).toList();
    }

    private static Http.FilePart file(String name, byte[] bytes) {
        return new Http.FilePart("files", name, bytes);
    }

    @Test
    @Order(1)
    void uploadingOneChangedWorkbookKeepsTheOtherFiveAndItsDiffNamesOnlyTheChangedRow() {
        Http.Response r = editor().postFiles("/rule-sets", Map.of("comment", "cholera label"),
                Map.of(GRADING, RELABELLED));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode v2 = r.json();
        assertThat(v2.at("/id").asString()).isEqualTo("v2");
        assertThat(texts(v2.at("/workbooks"))).containsExactlyInAnyOrderElementsOf(BUNDLED);
        assertThat(v2.at("/upload/base").asString()).as("the version in force today").isEqualTo("v1");
        assertThat(v2.at("/upload/existing").asBoolean()).isFalse();
        assertThat(v2.at("/upload/detail").asString()).isEqualTo("v2 is v1 with national-grading.xlsx replaced");
        assertThat(v2.at("/upload/removedWorkbooks")).isEmpty();
        JsonNode change = v2.at("/upload/diff/changes");
        assertThat(change).hasSize(1);
        assertThat(change.at("/0/where").asString()).isEqualTo("Cholera!R8");
        assertThat(change.at("/0/description").asString()).contains("30 or more cases in one week");
        assertThat(v2.at("/upload/diff/changed").asInt()).isEqualTo(1);

        JsonNode diff = editor().get("/rule-sets/v1/diff/v2").json();
        assertThat(diff.at("/changes")).hasSize(1);
        assertThat(diff.at("/changes/0/where").asString()).isEqualTo("Cholera!R8");
        for (String name : BUNDLED) {
            assertThat(editor().getBytes("/rule-sets/v2/workbooks/" + name)).as(name)
                    .isEqualTo(name.equals(GRADING) ? RELABELLED : bundled(name));
        }
    }

    @Test
    @Order(2)
    void theDiffNamesEveryTestRowRemovedFromATestsSheet() {
        Http.Response r = editor().postFiles("/rule-sets", Map.of("comment", "fewer cholera tests"),
                Map.of(GRADING, WorkbookEdits.withoutTests(bundled(GRADING), "cholera", 12)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().at("/id").asString();
        assertThat(r.json().at("/testsPassed").asInt()).isEqualTo(editor().get("/rule-sets/v1").json()
                .at("/testsPassed").asInt() - 12);
        JsonNode diff = editor().get("/rule-sets/v1/diff/" + id).json();
        assertThat(diff.at("/removed").asInt()).isEqualTo(12);
        assertThat(diff.at("/changes").valueStream()).hasSize(12).allSatisfy(c -> {
            assertThat(c.at("/subject").asString()).isEqualTo("test");
            assertThat(c.at("/where").asString()).startsWith(GRADING + " Tests!R");
            assertThat(c.at("/description").asString()).startsWith("given eventType = cholera");
        });
        assertThat(r.json().at("/upload/diff/removed").asInt()).isEqualTo(12);
    }

    @Test
    @Order(3)
    void removeDropsANamedWorkbookOfTheBaseAndTheAnswerNamesIt() {
        Http.Response r = editor().postForm("/rule-sets", List.of(new Http.Field("base", "v2"),
                new Http.Field("remove", "risk-map.xlsx")), List.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode v = r.json();
        assertThat(texts(v.at("/workbooks"))).containsExactlyInAnyOrderElementsOf(BUNDLED.stream()
                .filter(n -> !n.equals("risk-map.xlsx")).toList());
        assertThat(v.at("/upload/base").asString()).isEqualTo("v2");
        assertThat(texts(v.at("/upload/removedWorkbooks"))).containsExactly("risk-map.xlsx");
        assertThat(v.at("/upload/diff/changes").valueStream().map(c -> c.at("/kind").asString() + " "
                + c.at("/subject").asString() + " " + c.at("/where").asString()).toList())
                .contains("removed table RiskMap").doesNotContain("changed row Cholera!R8");
        assertThat(editor().getBytes("/rule-sets/" + v.at("/id").asString() + "/workbooks/" + GRADING))
                .as("the base's own national-grading.xlsx").isEqualTo(RELABELLED);
    }

    @Test
    @Order(4)
    void refusesARemoveOrBaseThatNamesNothingAndStoresNothing() {
        List<String> before = versions();
        Http.Response unknown = editor().postForm("/rule-sets", List.of(new Http.Field("remove", "risk-map.xlsx"),
                new Http.Field("remove", "no-such.xlsx")), List.of());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
        assertThat(unknown.json().at("/errors/0/pointer").asString()).isEqualTo("remove/1");
        assertThat(unknown.json().at("/errors/0/detail").asString()).contains("no-such.xlsx").contains("v1");

        Http.Response both = editor().postForm("/rule-sets", List.of(new Http.Field("remove", GRADING)),
                List.of(file(GRADING, RELABELLED)));
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(both.json().at("/detail").asString()).contains(GRADING);

        List<Http.Field> all = BUNDLED.stream().map(n -> new Http.Field("remove", n)).toList();
        Http.Response nothingLeft = editor().postForm("/rule-sets", all, List.of());
        assertThat(nothingLeft.status()).as(nothingLeft.body()).isEqualTo(400);
        assertThat(nothingLeft.json().at("/detail").asString()).contains("at least one workbook");

        Http.Response noBase = editor().postForm("/rule-sets", List.of(new Http.Field("base", "v99")),
                List.of(file(GRADING, RELABELLED)));
        assertThat(noBase.status()).as(noBase.body()).isEqualTo(404);
        assertThat(noBase.json().at("/type").asString()).isEqualTo("urn:beacon:problem:rule-set-not-found");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void replaceAllUploadsACompleteSetAndNamesTheWorkbooksItLeavesOut() {
        List<String> before = versions();
        for (List<Http.Field> wrong : List.of(List.of(new Http.Field("replace", "all"), new Http.Field("base", "v1")),
                List.of(new Http.Field("replace", "all"), new Http.Field("remove", "risk-map.xlsx")),
                List.of(new Http.Field("replace", "everything")))) {
            Http.Response r = editor().postForm("/rule-sets", wrong, List.of(file(GRADING, RELABELLED)));
            assertThat(r.status()).as(wrong + ": " + r.body()).isEqualTo(400);
        }
        assertThat(versions()).isEqualTo(before);

        Http.Response r = editor().postForm("/rule-sets", List.of(new Http.Field("replace", "all")),
                List.of(file(GRADING, RELABELLED)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(texts(r.json().at("/workbooks"))).containsExactly(GRADING);
        assertThat(r.json().at("/upload/base").asString()).as("compared with the version in force").isEqualTo("v1");
        assertThat(texts(r.json().at("/upload/removedWorkbooks"))).containsExactlyInAnyOrderElementsOf(
                BUNDLED.stream().filter(n -> !n.equals(GRADING)).toList());
    }

    @Test
    @Order(6)
    void theSameWorkbooksWithAnotherEffectiveDateAreANewVersionAndNeverLoseTheDate() {
        Http.Response dated = editor().postFiles("/rule-sets", Map.of("comment", "from 2027",
                "effectiveFrom", "2027-01-01"), Map.of(GRADING, RELABELLED));
        assertThat(dated.status()).as(dated.body()).isEqualTo(201);
        String id = dated.json().at("/id").asString();
        assertThat(id).isNotEqualTo("v2");
        assertThat(dated.json().at("/effectiveFrom").asString()).isEqualTo("2027-01-01");
        assertThat(dated.json().at("/upload/diff/changes")).as("against v1").hasSize(1);

        Http.Response again = editor().postFiles("/rule-sets", Map.of("comment", "another comment",
                "effectiveFrom", "2027-01-01"), Map.of(GRADING, RELABELLED));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/id").asString()).isEqualTo(id);
        assertThat(again.json().at("/upload/existing").asBoolean()).isTrue();
        assertThat(again.json().at("/upload/detail").asString()).contains(id).contains("already");
        assertThat(again.json().at("/comment").asString()).as("a comment alone makes no version")
                .isEqualTo("from 2027");

        Http.Response undated = editor().postFiles("/rule-sets", Map.of("comment", "any date again"),
                Map.of(GRADING, RELABELLED));
        assertThat(undated.status()).as(undated.body()).isEqualTo(200);
        assertThat(undated.json().at("/id").asString()).as("the same content without a date is v2").isEqualTo("v2");
        assertThat(undated.json().has("effectiveFrom")).isFalse();

        Http.Response otherDate = editor().postFiles("/rule-sets", Map.of("effectiveFrom", "2028-01-01"),
                Map.of(GRADING, RELABELLED));
        assertThat(otherDate.status()).as(otherDate.body()).isEqualTo(201);
        assertThat(otherDate.json().at("/effectiveFrom").asString()).isEqualTo("2028-01-01");
    }
}
