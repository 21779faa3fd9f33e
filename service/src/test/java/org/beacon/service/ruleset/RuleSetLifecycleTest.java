package org.beacon.service.ruleset;

import org.beacon.service.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.beacon.service.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An expert's round trip over HTTP: the bundled workbook is v1 (cholera Ⅱ from 30 cases); upload v2 (Ⅱ from 25),
 * try it, activate it, roll it back; a version effective from a future date answers only for situations from then.
 * The steps build on each other, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestUsers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetLifecycleTest {

    static final Path ROOT = Path.of("target", "lifecycle-" + System.nanoTime());
    // Generated once: POI stamps the creation time into every file it writes.
    static final byte[] V2 = GradingWorkbooks.grading(25);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        GradingWorkbooks.startWithVersionOne(ROOT, registry);
    }

    private Http http() {
        return new Http(port, users.admin());
    }

    private JsonNode evaluate(int cases, String query, String asOf) {
        String body = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},"
                + (asOf == null ? "" : "\"asOf\":\"" + asOf + "\",") + "\"indicators\":{\"cases\":" + cases + "}}";
        Http.Response r = http().postJson("/evaluations" + query, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Starts a replay of two days of cholera in one county, pinned to versions by {@code fields}. */
    private Http.Response replay(Http.Credentials who, String... fields) {
        java.util.List<Http.Field> form = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(new Http.Field(fields[i], fields[i + 1]));
        }
        byte[] timeline = ("date,region,level,eventType,cases\n2026-01-01,330106,county,cholera,5\n"
                + "2026-01-02,330106,county,cholera,12\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return http().as(who).postForm("/replays", form, java.util.List.of(new Http.FilePart("timeline",
                "cholera.csv", timeline)));
    }

    private static String grade(JsonNode decision) {
        return decision.at("/grade/numeral").asString();
    }

    @Test
    @Order(1)
    void startsWithTheBundledTablesAsVersionOneInForce() {
        JsonNode list = http().get("/rule-sets").json();
        assertThat(list).hasSize(1);
        assertThat(list.at("/0/id").asString()).isEqualTo("v1");
        assertThat(list.at("/0/status").asString()).isEqualTo("active");
        assertThat(list.at("/0/inForceToday").asBoolean()).isTrue();
        assertThat(list.at("/0/author").asString()).isEqualTo("system");
        JsonNode d = evaluate(25, "", null);
        assertThat(grade(d)).isEqualTo("Ⅲ");
        assertThat(d.at("/ruleSet/id").asString()).isEqualTo("v1");
    }

    @Test
    @Order(2)
    void refusesAWorkbookWithErrorsWith422NamingCellsAndStoresNothing() {
        byte[] broken = GradingWorkbooks.grading(30);
        Http.Response r = http().postFiles("/rule-sets", Map.of("comment", "typo"),
                Map.of("grading.xlsx", org.beacon.service.ruleset.BrokenWorkbooks.withCell(broken, "Cholera", 7, 1,
                        "thirty")));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-rule-set");
        JsonNode d = r.json().at("/diagnostics").valueStream().filter(x -> x.at("/severity").asString()
                .equals("error")).findFirst().orElseThrow();
        assertThat(d.at("/cell").asString()).isEqualTo("Cholera!A7");
        assertThat(d.at("/code").asString()).isEqualTo("WRONG_TYPE");
        assertThat(d.at("/workbook").asString()).isEqualTo("grading.xlsx");

        Http.Response notExcel = http().postFiles("/rule-sets", Map.of(), Map.of("notes.xlsx",
                "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(notExcel.status()).isEqualTo(422);
        assertThat(notExcel.json().at("/diagnostics/0/code").asString()).isEqualTo("UNREADABLE_WORKBOOK");
        assertThat(http().postFiles("/rule-sets", Map.of("comment", "x"), Map.of()).status()).isEqualTo(400);
        assertThat(http().get("/rule-sets").json()).hasSize(1);
    }

    @Test
    @Order(3)
    void storesAValidUploadAsADraftThatCanBeTriedWithoutActivatingIt() {
        Http.Response r = http().as(users.editor()).postFiles("/rule-sets", Map.of("comment", "Ⅱ from 25 cases"),
                Map.of("grading.xlsx", V2));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/id").asString()).isEqualTo("v2");
        assertThat(r.json().at("/status").asString()).isEqualTo("draft");
        assertThat(r.json().at("/testsPassed").asInt()).isEqualTo(3);
        assertThat(r.json().at("/author").asString()).as("the authenticated user").isEqualTo("editor");

        assertThat(grade(evaluate(25, "?ruleSet=v2", null))).isEqualTo("Ⅱ");
        long audited = http().get("/evaluations?size=1").json().at("/total").asLong();
        String cholera = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},\"indicators\":{\"cases\":25}}";
        Http.Response platform = http().as(users.caller()).postJson("/evaluations?ruleSet=v2", cholera);
        assertThat(platform.status()).as("a command platform cannot act on a draft").isEqualTo(403);
        assertThat(platform.json().at("/detail").asString()).contains("v2 is a draft");
        assertThat(http().as(users.caller()).postJson("/evaluations/batch?ruleSet=v2", "{\"situations\":["
                + cholera + "]}").status()).isEqualTo(403);
        assertThat(http().get("/evaluations?size=1").json().at("/total").asLong()).isEqualTo(audited);
        assertThat(http().as(users.editor()).postJson("/evaluations?ruleSet=v2", cholera).status()).isEqualTo(200);
        Http.Response reviewerReplay = replay(users.reviewer(), "ruleSet", "v2");
        assertThat(reviewerReplay.status()).as("a draft is for editors in replays too: " + reviewerReplay.body())
                .isEqualTo(403);
        assertThat(reviewerReplay.json().at("/detail").asString()).contains("v2 is a draft");
        assertThat(replay(users.reviewer(), "compareWith", "v2").status()).isEqualTo(403);
        assertThat(replay(users.reviewer(), "ruleSet", "v99").status()).as("unknown").isEqualTo(404);
        assertThat(replay(users.editor(), "compareWith", "v2").status()).isEqualTo(202);
        JsonNode byDefault = evaluate(25, "", null);
        assertThat(grade(byDefault)).isEqualTo("Ⅲ");
        assertThat(byDefault.at("/ruleSet/id").asString()).isEqualTo("v1");

        Http.Response again = http().postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx", V2));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/id").asString()).isEqualTo("v2");
        assertThat(http().getBytes("/rule-sets/v2/workbooks/grading.xlsx")).isEqualTo(V2);
    }

    @Test
    @Order(4)
    void showsWhatChangedBetweenTwoVersionsTableByTable() {
        JsonNode diff = http().get("/rule-sets/v1/diff/v2").json();
        assertThat(diff.at("/changed").asInt()).as("two rows and the two tests at the boundary").isEqualTo(4);
        assertThat(diff.at("/added").asInt()).isZero();
        assertThat(diff.at("/changes").valueStream().map(c -> c.at("/description").asString()).toList())
                .contains("grade Ⅱ now when cases ≥ 25 (was ≥ 30, Cholera!A7)", "expect grade Ⅱ now given "
                        + "eventType = cholera, cases = 25 (was eventType = cholera, cases = 30)");
        assertThat(http().get("/rule-sets/v1/diff/v1").json().at("/changes")).isEmpty();
        assertThat(http().get("/rule-sets/v1/diff/v7").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void activatesAVersionAndRecordsWhoAndFromWhich() {
        Http.Response r = http().postJson("/rule-sets/v2/activation", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/inForceToday").asBoolean()).isTrue();
        JsonNode d = evaluate(25, "", null);
        assertThat(grade(d)).isEqualTo("Ⅱ");
        assertThat(d.at("/ruleSet/id").asString()).isEqualTo("v2");
        JsonNode events = http().get("/rule-sets/events").json();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.at("/kind").asString()).isEqualTo("activation");
        assertThat(last.at("/ruleSetId").asString()).isEqualTo("v2");
        assertThat(last.at("/previousId").asString()).isEqualTo("v1");
        assertThat(last.at("/actor").asString()).as("the authenticated user").isEqualTo("admin");
        assertThat(http().get("/rule-sets/v1").json().at("/status").asString()).isEqualTo("retired");
        String cholera = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},\"indicators\":{\"cases\":25}}";
        assertThat(http().as(users.caller()).postJson("/evaluations?ruleSet=v2", cholera).status())
                .as("the version in force may be pinned by anyone who evaluates").isEqualTo(200);
        Http.Response retired = http().as(users.caller()).postJson("/evaluations?ruleSet=v1", cholera);
        assertThat(retired.status()).as("a version once in force may be pinned by any caller").isEqualTo(200);
        assertThat(retired.json().at("/ruleSet/id").asString()).isEqualTo("v1");
    }

    @Test
    @Order(6)
    void rollsBackToTheVersionActivatedBefore() {
        Http.Response r = http().postJson("/rule-sets/v2/rollback", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/status").asString()).isEqualTo("retired");
        JsonNode d = evaluate(25, "", null);
        assertThat(grade(d)).isEqualTo("Ⅲ");
        assertThat(d.at("/ruleSet/id").asString()).isEqualTo("v1");
        assertThat(http().postJson("/rule-sets/v2/rollback", "").status()).isEqualTo(409);
        assertThat(http().postJson("/rule-sets/v1/rollback", "").status()).isEqualTo(409);
        String cholera = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},\"indicators\":{\"cases\":25}}";
        Http.Response rolledBack = http().as(users.caller()).postJson("/evaluations?ruleSet=v2", cholera);
        assertThat(rolledBack.status()).as("a rolled-back version was in force: " + rolledBack.body()).isEqualTo(200);
        assertThat(grade(rolledBack.json())).isEqualTo("Ⅱ");
        Http.Response replay = replay(users.reviewer(), "ruleSet", "v2", "compareWith", "v1");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(http().postJson("/rule-sets/v9/activation", "").status()).isEqualTo(404);
        assertThat(http().get("/rule-sets/v9").json().at("/type").asString())
                .isEqualTo("urn:beacon:problem:rule-set-not-found");
    }

    @Test
    @Order(7)
    void aVersionEffectiveFromADateAnswersOnlyForSituationsFromThatDate() {
        Http.Response r = http().postFiles("/rule-sets", Map.of("comment", "new plan", "effectiveFrom", "2030-01-01"),
                Map.of("grading.xlsx", GradingWorkbooks.grading(20)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String v3 = r.json().at("/id").asString();
        assertThat(http().postJson("/rule-sets/" + v3 + "/activation", "").status()).isEqualTo(200);

        JsonNode before = evaluate(22, "", "2029-12-31");
        assertThat(before.at("/ruleSet/id").asString()).isEqualTo("v1");
        assertThat(grade(before)).isEqualTo("Ⅲ");
        JsonNode from = evaluate(22, "", "2030-01-01");
        assertThat(from.at("/ruleSet/id").asString()).isEqualTo(v3);
        assertThat(grade(from)).isEqualTo("Ⅱ");
        assertThat(evaluate(22, "", null).at("/ruleSet/id").asString()).as("today").isEqualTo("v1");
        JsonNode listed = http().get("/rule-sets/" + v3).json();
        assertThat(listed.at("/status").asString()).isEqualTo("active");
        assertThat(listed.at("/inForceToday").asBoolean()).isFalse();
        assertThat(listed.at("/effectiveFrom").asString()).isEqualTo("2030-01-01");
    }

    @Test
    @Order(8)
    void refusesAnOversizedUploadWith413AndChangesNothing() {
        byte[] huge = new byte[21 * 1024 * 1024];
        Http.Response r = http().postFiles("/rule-sets", Map.of(), Map.of("huge.xlsx", huge));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:payload-too-large");
        assertThat(http().get("/rule-sets").json().valueStream().map(v -> v.at("/id").asString()).toList())
                .doesNotContain("v4");
    }
}
