package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.Workbooks;
import org.beacon.service.evaluation.EvaluationRequest;
import org.beacon.service.evaluation.EvaluationResponse;
import org.beacon.service.evaluation.EvaluationService;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.ruleset.DraftNotAllowedException;
import org.beacon.service.security.Role;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Try a decision without a browser: the form generated from the bundled tables' Dictionary, the API's errors placed
 * at their fields, the pin following the API's rule for drafts, the answer with its words and explanation linking
 * each cell, who may see a decision, and the memo. The evaluation service and the rule sets are mocks at this
 * slice's boundary; the Dictionary is the bundled tables' own.
 */
@WebMvcTest(controllers = DecisionsPage.class)
@Import({Navigation.class, RuleSetOverview.class, ExampleSituations.class,
        ConsolePagesTest.Security.class})
class ConsoleDecisionsPageTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final UUID ID = UUID.fromString("5f0c6a52-3f43-4d8e-9a43-2f1e6f1f7a10");
    private static CompiledRuleSet bundled;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    EvaluationService evaluations;

    @MockitoBean
    RuleSetRegistry registry;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    @BeforeAll
    static void compileTheBundledTables() {
        bundled = new RuleSetCompiler().compile("v1", WorkbookSource.readAll(Workbooks.root().resolve("tables")))
                .ruleSet().orElseThrow();
    }

    @BeforeEach
    void versions() {
        StoredUsers.knows(users, "platform", Role.CALLER);
        StoredUsers.knows(users, "other", Role.CALLER);
        StoredUsers.knows(users, "reviewer", Role.REVIEWER);
        StoredUsers.knows(users, "editor", Role.EDITOR);
        when(registry.current()).thenReturn(bundled);
        when(registry.pinned("v1")).thenReturn(bundled);
        when(registry.pinned("v2")).thenReturn(bundled);
        // the registry decides who may pin a draft; this slice mocks it with the rule for v2, a draft
        doThrow(new DraftNotAllowedException("v2")).when(registry).checkPinnable("v2", false);
        when(ruleSets.list()).thenReturn(List.of(
                new RuleSetView("v1", "h1", "system", null, Instant.parse("2026-11-01T08:00:00Z"), null, "active",
                        true, List.of("national-grading.xlsx"), 0, 370, null, null, null),
                new RuleSetView("v2", "h2", "editor", "cholera Ⅱ from 12", Instant.parse("2026-11-02T08:00:00Z"),
                        null, "draft", false, List.of("national-grading.xlsx"), 0, 370, null, null, null)));
        when(ruleSets.find("v2")).thenReturn(null);
        when(ruleSets.events()).thenReturn(List.of());
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerGetsAFormGeneratedFromTheDictionaryWithoutTheDrafts() throws Exception {
        String page = body(mvc.perform(get("/console/decisions").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<h1>Try a decision</h1>", "In force on the situation&#39;s date (today: v1)")
                .doesNotContain("value=\"v2\"");
        assertThat(input(page, "f-i-cases")).contains("type=\"number\"", "step=\"1\"", "min=\"0\"",
                "max=\"1000000\"");
        assertThat(page).contains("<span class=\"field-meta\">0–1,000,000 例</span>")
                .contains("Cases in the period (the month, in a monthly replay).");
        assertThat(input(page, "f-i-ratioTo5yMean")).contains("step=\"any\"");
        assertThat(select(page, "f-i-spreading")).contains(">not given<", "value=\"true\">yes<",
                "value=\"false\">no<");
        assertThat(select(page, "f-i-setting")).contains("value=\"school\"", "value=\"constructionSite\"");
        assertThat(select(page, "f-eventType")).contains("value=\"cholera\"", "value=\"measles\"");
        assertThat(select(page, "f-region-level")).contains("value=\"county\">county<");
        assertThat(page).as("derived from signals, not asked").doesNotContain("f-i-earsC1", "f-i-signalsRed",
                "f-i-adminLevel");
        assertThat(page).contains("Indicators declared in national-grading.xlsx");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void theFormIsInChineseForAChineseBrowser() throws Exception {
        String page = body(mvc.perform(get("/console/decisions").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<h1>试算研判</h1>", "本期病例数（按月回放时为当月病例数）", ">未填写<", ">是<",
                "value=\"county\">县级<", "national-grading.xlsx 中声明的指标");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void anExampleFillsTheFormAndTheJsonBox() throws Exception {
        String page = body(mvc.perform(get("/console/decisions").queryParam("example", "cholera-county-12"))
                .andExpect(status().isOk()).andReturn());
        assertThat(select(page, "f-eventType")).contains("value=\"cholera\" selected=\"selected\"");
        assertThat(input(page, "f-i-cases")).contains("value=\"12\"");
        assertThat(input(page, "f-region-name")).contains("value=\"杭州市西湖区\"");
        assertThat(page).contains("&quot;countiesAffected&quot;:1");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aDecidedFormLeadsToTheDecisionsOwnAddressWithTheSignedInUserAsCaller() throws Exception {
        when(evaluations.decide(any(), any(), any())).thenReturn(decision(json, HOSTILE));
        mvc.perform(post("/console/decisions").with(csrf()).param("mode", "form").param("ruleSet", "")
                .param("eventType", "cholera").param("region.code", " 330106 ").param("region.level", "county")
                .param("asOf", "2026-07-01").param("i.cases", "12").param("i.spreading", "false")
                .param("i.setting", "").param("i.unknownThing", "3"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/decisions/" + ID));
        ArgumentCaptor<EvaluationRequest> sent = ArgumentCaptor.forClass(EvaluationRequest.class);
        verify(evaluations).decide(sent.capture(), eq("platform"), isNull());
        EvaluationRequest r = sent.getValue();
        assertThat(r.eventType()).isEqualTo("cholera");
        assertThat(r.region().code()).isEqualTo("330106");
        assertThat(r.region().name()).isNull();
        assertThat(r.asOf()).hasToString("2026-07-01");
        assertThat(r.indicators()).containsEntry("cases", new BigDecimal("12")).containsEntry("spreading", false)
                .containsEntry("unknownThing", "3").doesNotContainKey("setting");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void theApisErrorsAreShownAtTheirFieldsAndNothingIsDecided() throws Exception {
        when(evaluations.decide(any(), any(), any())).thenThrow(new InvalidRequestException(List.of(
                new FieldError("/indicators/cases", "-1 is outside the range of cases [0, 1000000]"),
                new FieldError("/region", "region is required"),
                new FieldError("/signals/0/values", "a day without a count"))));
        String page = body(mvc.perform(post("/console/decisions").with(csrf()).param("mode", "form")
                .param("eventType", "cholera").param("i.cases", "-1").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains("The situation was not decided: 3 problems, each shown at its field.");
        assertThat(page).contains("<p class=\"field-error\" id=\"f-i-cases-error\">-1 is outside the range of cases "
                + "[0, 1000000]</p>", "<p class=\"field-error\" id=\"f-region-code-error\">region is required</p>");
        assertThat(page).contains("<code>/signals/0/values</code>");
        assertThat(input(page, "f-i-cases")).as("the value stays").contains("value=\"-1\"", "aria-invalid=\"true\"");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void theJsonBoxSaysWhereItsJsonIsWrongAndPassesHostileTextOnAsText() throws Exception {
        String page = body(mvc.perform(post("/console/decisions").with(csrf()).param("mode", "json")
                .param("situation", "{\"eventType\": \"cholera\", \"asOf\": \"1 July\"}"))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains("<details class=\"json-box\" id=\"json-box\" open=\"open\">", "id=\"json-errors\"");
        assertThat(page.substring(page.indexOf("id=\"json-errors\""))).contains("<code>/asOf</code>");
        verify(evaluations, never()).decide(any(), any(), any());

        when(evaluations.decide(any(), any(), any())).thenReturn(decision(json, HOSTILE));
        mvc.perform(post("/console/decisions").with(csrf()).param("mode", "json").param("situation",
                "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\",\"name\":\"" + HOSTILE.replace("/", "\\/")
                        + "\"},\"indicators\":{\"cases\":12}}"))
                .andExpect(status().isFound());
        ArgumentCaptor<EvaluationRequest> sent = ArgumentCaptor.forClass(EvaluationRequest.class);
        verify(evaluations).decide(sent.capture(), eq("platform"), isNull());
        assertThat(sent.getValue().region().name()).isEqualTo(HOSTILE);
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void theAnswerHasItsGradeAndColourInWordsAndEachConditionLinksToItsCell() throws Exception {
        when(evaluations.audited(ID)).thenReturn(Optional.of(new EvaluationService.AuditedDecision(
                decision(json, HOSTILE), "platform")));
        String en = body(mvc.perform(get("/console/decisions/" + ID).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(section(en, "id=\"answer-grade\"")).contains("Grade Ⅱ", "serious");
        assertThat(section(en, "id=\"answer-colour\"")).contains("Orange");
        assertThat(section(en, "id=\"answer-reporting\"")).contains("Report within 2 hours",
                "to county health administration and county CDC");
        assertThat(en).contains("Provincial government", "ICU beds below 10% of established beds",
                "Isolate and treat cases and suspects on the spot", "Health department (CDC)", "at once",
                "within 2 h");
        assertThat(en).contains("href=\"/console/rule-sets/v1/cells/Cholera!A8\">Cholera!A8</a>",
                "href=\"/console/rule-sets/v1/cells/Cholera!R8\">Cholera!R8</a>", "<td class=\"written\">≥30</td>",
                "<td class=\"test\">≥ 30</td>", "<span>30</span>");
        assertThat(en).as("a region name is text").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(HOSTILE);
        assertThat(en).contains("href=\"/console/decisions/" + ID + "/print\"");
        assertThat(input(en, "f-i-cases")).as("the form is filled to try again").contains("value=\"30\"");

        String zh = body(mvc.perform(get("/console/decisions/" + ID).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn());
        assertThat(section(zh, "id=\"answer-grade\"")).contains("Ⅱ级", "重大");
        assertThat(section(zh, "id=\"answer-colour\"")).contains("橙色");
        assertThat(zh).contains("省人民政府", "就地隔离、就地观察、就地治疗病人和疑似病人", "立即");
    }

    @Test
    @WithMockUser(username = "other", roles = "CALLER")
    void anotherCallersDecisionIsNotShownButAReviewerSeesIt() throws Exception {
        when(evaluations.audited(ID)).thenReturn(Optional.of(new EvaluationService.AuditedDecision(
                decision(json, "x"), "platform")));
        mvc.perform(get("/console/decisions/" + ID)).andExpect(status().isNotFound());
        mvc.perform(get("/console/decisions/" + ID + "/print")).andExpect(status().isNotFound());
        mvc.perform(get("/console/decisions/not-a-uuid")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aReviewerSeesAnyDecisionAndItsMemoWithoutTheNavigation() throws Exception {
        when(evaluations.audited(ID)).thenReturn(Optional.of(new EvaluationService.AuditedDecision(
                decision(json, "杭州市"), "platform")));
        String memo = body(mvc.perform(get("/console/decisions/" + ID + "/print").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(memo).contains("<h1>Decision memo</h1>", "Asked by", "platform", "2026-07-01", "v1",
                "/assets/print.js", "Grade Ⅱ").doesNotContain("site-nav", "href=\"/console/rule-sets/v1/cells");
        assertThat(memo).as("cells are text on paper").contains("<span class=\"cell-ref\">Cholera!A8</span>");
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerPinningADraftIsToldWhyAndGetsTheFormOfTheVersionInForce() throws Exception {
        String page = body(mvc.perform(get("/console/decisions").queryParam("ruleSet", "v2")
                .header("Accept-Language", "en")).andExpect(status().isForbidden()).andReturn());
        assertThat(page).contains("v2 is a draft, never put in force: only editors and administrators may decide "
                + "with it.").contains("id=\"f-i-cases\"");
        mvc.perform(post("/console/decisions").with(csrf()).param("ruleSet", "v2").param("eventType", "cholera"))
                .andExpect(status().isForbidden());
        verify(evaluations, never()).decide(any(), any(), any());
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void anEditorPinsADraftAndDecidesWithIt() throws Exception {
        String page = body(mvc.perform(get("/console/decisions").queryParam("ruleSet", "v2")
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("value=\"v2\" selected=\"selected\"", "Pinned: every decision below is made with v2");
        when(evaluations.decide(any(), any(), any())).thenReturn(decision(json, "x"));
        mvc.perform(post("/console/decisions").with(csrf()).param("ruleSet", "v2").param("mode", "form")
                .param("eventType", "cholera")).andExpect(redirectedUrl("/console/decisions/" + ID + "?ruleSet=v2"));
        verify(evaluations).decide(any(), eq("editor"), eq("v2"));
    }

    @Test
    void anAnonymousBrowserIsSentToSignInAndACallerIsNotRefused() throws Exception {
        mvc.perform(get("/console/decisions")).andExpect(redirectedUrl("/console/sign-in"));
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aDecisionWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/console/decisions").param("eventType", "cholera")).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/console/forbidden"));
        verify(evaluations, never()).decide(any(), any(), any());
    }

    /** A decision as the API answers the cholera example of 30 cases in a prefecture, abridged. */
    static EvaluationResponse decision(JsonMapper json, String regionName) {
        String text = """
                {"evaluationId":"%s","evaluatedAt":"2026-07-01T08:00:00Z",
                 "ruleSet":{"id":"v1","contentHash":"0123456789abcdef0123"},
                 "situation":{"eventType":"cholera","region":{"code":"330100","name":%s,"level":"prefecture"},
                   "asOf":"2026-07-01","indicators":{"cases":30,"icuBedShare":3}},
                 "grade":{"level":"II","numeral":"Ⅱ","name":"重大","nameEn":"serious"},"warningColour":"orange",
                 "noMatch":false,"actions":["isolateCases"],"firedRules":["Cholera!R8"],
                 "tables":[{"table":"Cholera","title":"霍乱 Cholera","hitPolicy":"highest grade","outcome":"matched",
                   "matches":[{"ruleId":"Cholera!R8","grade":{"level":"II","numeral":"Ⅱ","name":"重大",
                     "nameEn":"serious"},"warningColour":"orange","actions":[],
                     "outputs":{"label":"一个市(地)内1周内发病30例以上 ≥30 cases in one week"},
                     "source":"criteria §2 Ⅱ-4","tag":"V",
                     "explanation":[{"indicator":"cases","cell":"Cholera!A8","test":"≥ 30","written":"≥30",
                       "value":30}]}],"overruled":["Cholera!R11"]}],
                 "response":{"grade":{"level":"II","numeral":"Ⅱ","name":"重大","nameEn":"serious"},"given":false},
                 "reporting":{"required":true,"withinHours":2,"to":["属地县级卫生健康行政部门、县级疾控机构"],
                   "toEn":["county health administration and county CDC"],"rules":["Reporting!R9"]},
                 "measures":[{"code":"isolateCases","name":"就地隔离、就地观察、就地治疗病人和疑似病人",
                   "nameEn":"Isolate and treat cases and suspects on the spot","lead":["卫生健康部门（疾病预防控制机构）"],
                   "leadEn":["Health department (CDC)"],"responsible":["定点医疗机构"],
                   "responsibleEn":["Designated hospitals"],"withinHours":0,"source":"criteria §1.3 #5","tag":"M"},
                   {"code":"reportUpward","name":"向上级报告","nameEn":"Report upward","lead":["卫生健康部门"],
                   "leadEn":["Health department"],"responsible":[],"responsibleEn":[],"withinHours":2,
                   "source":"criteria §3.1","tag":"V"}],
                 "outputs":{"startDecidedBy":["省人民政府"],"startDecidedByEn":["Provincial government"],
                   "capacityWarning":["重症监护床位不足编制床位的10%%"],
                   "capacityWarningEn":["ICU beds below 10%% of established beds"]}}
                """.formatted(ID, json.writeValueAsString(regionName));
        return json.readValue(text, EvaluationResponse.class);
    }

    /** The opening tag of the input with this id. */
    private static String input(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = page.lastIndexOf('<', at);
        return page.substring(start, page.indexOf('>', at) + 1);
    }

    /** The select with this id, up to its end. */
    private static String select(String page, String id) {
        int at = page.indexOf("<select id=\"" + id + "\"");
        assertThat(at).as(id).isNotNegative();
        return page.substring(at, page.indexOf("</select>", at));
    }

    /** From the element with this attribute to the end of its box (the next closing div). */
    private static String section(String page, String attribute) {
        int at = page.indexOf(attribute);
        assertThat(at).as(attribute).isPositive();
        return page.substring(at, page.indexOf("</div>", at));
    }

    private static String body(MvcResult r) throws Exception {
        r.getResponse().setCharacterEncoding("UTF-8");
        return r.getResponse().getContentAsString();
    }
}
