package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.beacon.service.console.PageText.between;
import static org.beacon.service.console.PageText.body;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.calibration.ParameterRange;
import org.beacon.rules.calibration.RefusedSweepException;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.service.calibration.CalibrationRequest;
import org.beacon.service.calibration.CalibrationService;
import org.beacon.service.calibration.CalibrationViews;
import org.beacon.service.replay.ReplayService;
import org.beacon.service.ruleset.DraftNotAllowedException;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A calibration's page without a browser: reviewers and up only, its progress while it runs, then the cells to type,
 * the heat map of two parameters with each cell's score and shade, and the ranked combinations; the list, and the
 * form that starts one from a version's Parameters. The calibration service and the rule-set registry are mocks at
 * this slice's boundary.
 */
@WebMvcTest(controllers = CalibrationPage.class)
@Import({Navigation.class, RuleSetOverview.class, ConsolePagesTest.Security.class})
class ConsoleCalibrationPageTest {

    private static final UUID ID = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final String PAGE = "/console/calibrations/" + ID;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INPUTS = """
            {"ruleSet":"v1","vary":["A=1..2/1","B=10..20/10"],"objective":"lag","combinations":4,
             "timeline":"covid.csv","timelineSha256":"ab12","actual":"levels.csv","actualSha256":"cd34"}""";
    private static final String SUMMARY = """
            {"objective":"lag","objectiveMeaning":"mean days late","parameters":["A","B"],
             "ranked":[
               {"rank":1,"parameters":{"A":1,"B":20},"score":0.5,"fit":{"agreement":0.9}},
               {"rank":2,"parameters":{"A":2,"B":20},"score":1.5,"fit":{"agreement":0.8}},
               {"rank":3,"parameters":{"A":1,"B":10},"score":2.5,"fit":{"agreement":0.7}},
               {"rank":4,"parameters":{"A":2,"B":10},"score":null,"fit":null,"problem":"does not compile"}],
             "toType":[{"parameter":"A","cell":"Parameters!C4","value":"1","today":"2"},
                       {"parameter":"B","cell":"Parameters!C5","value":"20","today":"10"}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CalibrationService calibrations;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    @MockitoBean
    ReplayService replays;

    @MockitoBean
    RuleSetRegistry registry;

    @BeforeEach
    void knownUsers() {
        StoredUsers.knowOneOfEachRole(users);
        when(replays.examples()).thenReturn(List.of("covid-2020-response-levels.csv",
                "covid-2020-zhejiang-hubei-guangdong.csv"));
        when(ruleSets.list()).thenReturn(List.of(version("v1", "active", true), version("v2", "draft", false)));
        CompiledRuleSet inForce = withParameters(Map.of("stepDown_minDays", "28", "escalate_cases", "10"));
        CompiledRuleSet draft = withParameters(Map.of("draft_only", "3"));
        when(registry.current()).thenReturn(inForce);
        when(registry.pinned("v1")).thenReturn(inForce);
        when(registry.pinned("v2")).thenReturn(draft);
        doThrow(new DraftNotAllowedException("v2")).when(registry).checkPinnable(eq("v2"), eq(false));
    }

    private static RuleSetView version(String id, String status, boolean today) {
        return new RuleSetView(id, "hash-" + id, "editor", null, Instant.parse("2026-11-01T08:00:00Z"),
                today ? LocalDate.of(2020, 1, 1) : null, status, today, List.of("a.xlsx"), 0, 0, null, null, null);
    }

    private static CompiledRuleSet withParameters(Map<String, String> values) {
        Map<String, BigDecimal> parameters = new java.util.HashMap<>();
        values.forEach((name, value) -> parameters.put(name, new BigDecimal(value)));
        CompiledRuleSet rules = mock(CompiledRuleSet.class);
        when(rules.model()).thenReturn(new RuleSetModel(null, parameters, Map.of(), List.of(), List.of(), Map.of(),
                Map.of()));
        return rules;
    }

    private static CalibrationViews.Run run(String status, int percent, String summary) {
        return new CalibrationViews.Run(ID, "v1", status, "reviewer", Instant.parse("2026-12-04T09:30:00Z"), null,
                null, new CalibrationViews.Progress(percent, percent / 20, 5), JSON.readTree(INPUTS),
                summary == null ? null : JSON.readTree(summary), null, Map.of());
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerIsRefusedEveryCalibrationPageAndStartsNothing() throws Exception {
        for (String path : List.of("/console/calibrations", "/console/calibrations/new", PAGE, PAGE + "/progress",
                PAGE + "/calibration.csv")) {
            mvc.perform(get(path)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
        }
        mvc.perform(multipart("/console/calibrations").param("parameter", "stepDown_minDays").param("from", "14")
                .param("to", "28").param("by", "7").with(csrf())).andExpect(status().isForbidden());
        verify(calibrations, never()).find(anyString());
        verify(calibrations, never()).start(any(), anyString());
        verify(calibrations, never()).list(anyInt(), anyInt());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void listsCalibrationsNewestFirstWithWhoTheVersionWhatWasVariedAndTheStatusInWords() throws Exception {
        UUID older = UUID.fromString("00000000-0000-4000-8000-000000000001");
        when(calibrations.list(0, CalibrationPage.RUNS_PER_PAGE)).thenReturn(new CalibrationViews.Page(0, 20, 2,
                List.of(new CalibrationViews.Item(ID, "v1", "running", "epi-<b>", Instant.parse(
                        "2026-12-04T09:30:00Z"), null, JSON.readTree("[\"stepDown_minDays=14..42:7\"]"),
                        "covid.csv", null, Map.of()),
                        new CalibrationViews.Item(older, "v2", "done", "editor", Instant.parse(
                        "2026-12-03T08:00:00Z"), null, JSON.readTree("[\"A=1..2:1\"]"), "old.csv", null,
                        Map.of()))));
        String page = body(mvc.perform(get("/console/calibrations").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("href=\"/console/calibrations/new\"", "epi-&lt;b&gt;", ">Running<", ">Done<",
                "stepDown_minDays=14..42:7", "href=\"" + PAGE + "\"", "2026-12-04 09:30:00 UTC")
                .doesNotContain("epi-<b>");
        assertThat(page.indexOf(PAGE)).as("newest first").isLessThan(page.indexOf("/console/calibrations/"
                + older));
        assertThat(between(page, "class=\"site-nav\"", "</nav>")).contains("href=\"/console/calibrations\"");
        String chinese = body(mvc.perform(get("/console/calibrations").header("Accept-Language", "zh"))
                .andExpect(status().isOk()).andReturn());
        assertThat(chinese).contains("发起参数校准", "运行中", "已完成");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void theFormOffersTheVersionsParametersWithTodaysValuesAndNoDraftToAReviewer() throws Exception {
        String page = body(mvc.perform(get("/console/calibrations/new").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(between(page, "id=\"vary-rows\"", "</table>")).contains(
                "<option value=\"escalate_cases\">escalate_cases (today 10)</option>",
                "<option value=\"stepDown_minDays\">stepDown_minDays (today 28)</option>");
        assertThat(between(page, "id=\"ruleSet\"", "</select>")).contains("value=\"v1\"")
                .doesNotContain("value=\"v2\"");
        assertThat(page).contains("value=\"covid-2020-response-levels.csv\"", "value=\"weighted\"",
                "value=\"agreement\"", "value=\"lag\"", "hx-get=\"/console/calibrations/new\"");
        String draft = body(mvc.perform(get("/console/calibrations/new").param("ruleSet", "v2")
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn());
        assertThat(draft).as("a draft's Parameters are not shown to a reviewer")
                .contains("This version has no Parameters sheet").doesNotContain("draft_only");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void anEditorChoosingADraftIsOfferedItsParameters() throws Exception {
        String page = body(mvc.perform(get("/console/calibrations/new").param("ruleSet", "v2")
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn());
        assertThat(between(page, "id=\"ruleSet\"", "</select>").replaceAll("\\s+", " "))
                .contains("value=\"v2\" selected");
        assertThat(between(page, "id=\"vary-rows\"", "</table>")).contains("draft_only (today 3)")
                .doesNotContain("stepDown_minDays");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aStartedCalibrationSendsEachChosenRowAsARangeAndLeadsToItsPage() throws Exception {
        when(calibrations.start(any(), eq("reviewer"))).thenReturn(new CalibrationViews.Accepted(ID, "queued", 10,
                Map.of()));
        mvc.perform(multipart("/console/calibrations").param("ruleSet", "v1")
                        .param("example", "covid-2020-zhejiang-hubei-guangdong.csv").param("source", "canghailan")
                        .param("step", "day").param("actualExample", "covid-2020-response-levels.csv")
                        .param("objective", "lag")
                        .param("parameter", "stepDown_minDays", "", "escalate_cases")
                        .param("from", "14", "", " 5 ").param("to", "42", "", "10").param("by", "7", "", "5")
                        .with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE));
        ArgumentCaptor<CalibrationRequest> sent = ArgumentCaptor.forClass(CalibrationRequest.class);
        verify(calibrations).start(sent.capture(), eq("reviewer"));
        assertThat(sent.getValue().vary()).containsExactly("stepDown_minDays=14..42:7", "escalate_cases=5..10:5");
        assertThat(sent.getValue()).extracting(CalibrationRequest::ruleSet, CalibrationRequest::objective,
                CalibrationRequest::example, CalibrationRequest::actualExample, CalibrationRequest::source)
                .containsExactly("v1", "lag", "covid-2020-zhejiang-hubei-guangdong.csv",
                        "covid-2020-response-levels.csv", "canghailan");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRefusedFormShowsTheApisProblemKeepsWhatWasChosenAndStartsNothing() throws Exception {
        when(calibrations.start(any(), eq("reviewer"))).thenThrow(new InvalidRequestException(List.of(
                new FieldError("vary", "vary stepDown_minDays=42..14:7 is empty: from is above to"))));
        String page = body(mvc.perform(multipart("/console/calibrations")
                        .param("example", "covid-2020-zhejiang-hubei-guangdong.csv").param("source", "<i>x</i>")
                        .param("parameter", "stepDown_minDays", "", "").param("from", "42", "", "")
                        .param("to", "14", "", "").param("by", "7", "", "").param("objective", "agreement")
                        .with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(between(page, "id=\"calibration-refusal\"", "</div>")).contains(
                "The calibration was not started:", "Invalid request", ">vary<",
                "vary stepDown_minDays=42..14:7 is empty: from is above to");
        assertThat(page.replaceAll("\\s+", " ")).contains("<option value=\"stepDown_minDays\" selected",
                "id=\"from-0\" value=\"42\"", "value=\"agreement\" selected",
                "value=\"covid-2020-zhejiang-hubei-guangdong.csv\" selected", "value=\"&lt;i&gt;x&lt;/i&gt;\"")
                .doesNotContain("<i>x</i>");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRefusedFormSaysWhyInThePagesLanguageKeepingTheDataTheApiQuotes() throws Exception {
        when(calibrations.start(any(), eq("reviewer"))).thenThrow(new InvalidRequestException(List.of(
                new FieldError("vary", "vary stepDown_minDays=42..14:7 is empty: from is above to"),
                new FieldError("actual", "a calibration is ranked against what was actually decided: send the "
                        + "actual decisions (actual, or actualExample)"))));
        String english = refusal("en");
        assertThat(english).contains("The calibration was not started:", "Invalid request", ">vary<",
                "These parameter ranges cannot be tried (vary stepDown_minDays=42..14:7 is empty: from is above to).",
                ">actual<", "upload the actual decisions or choose them from the list.");
        String chinese = refusal("zh-CN");
        assertThat(chinese).contains("参数校准未启动", "请求无效", "这些参数范围无法试算（vary stepDown_minDays=42..14:7",
                "请上传实际决策").doesNotContain("Invalid request", "send the actual decisions");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRangeTheRulesRefuseIsSaidWhollyInThePagesLanguage() throws Exception {
        // what CalibrationService refuses a range with: the sweep's own words, kept as their key and arguments
        RefusedSweepException empty = catchThrowableOfType(RefusedSweepException.class,
                () -> ParameterRange.parse("stepDown_minDays=42..14:7"));
        when(calibrations.start(any(), eq("reviewer"))).thenThrow(new InvalidRequestException(List.of(
                new FieldError("vary", empty.text()))));
        assertThat(refusal("en")).contains("Invalid request", ">vary<",
                "These parameter ranges cannot be tried (the range of stepDown_minDays is empty: 42 is above 14).");
        assertThat(refusal("zh-CN")).contains("请求无效", ">vary<", "这些参数范围无法试算（stepDown_minDays 的区间为空：42 大于 14）。")
                .doesNotContain("the range of", "is empty", "is above");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aDraftRefusedIsToldByTheProblemsTypeInThePagesLanguage() throws Exception {
        when(calibrations.start(any(), eq("reviewer"))).thenThrow(new DraftNotAllowedException("v3"));
        assertThat(refusal("en")).contains("Not allowed", "only editors and admins may run it")
                .doesNotContain("needs the editor role");
        assertThat(refusal("zh-CN")).contains("不允许", "只有编辑者和管理员可以用它运行").doesNotContain("Forbidden");
    }

    private String refusal(String language) throws Exception {
        String page = body(mvc.perform(multipart("/console/calibrations")
                        .param("example", "covid-2020-zhejiang-hubei-guangdong.csv")
                        .param("parameter", "stepDown_minDays").param("from", "42").param("to", "14").param("by", "7")
                        .with(csrf()).header("Accept-Language", language))
                .andExpect(status().is4xxClientError()).andReturn());
        return between(page, "id=\"calibration-refusal\"", "</div>");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRunningCalibrationShowsItsProgressAndAsksForItAgainEverySecond() throws Exception {
        when(calibrations.find(ID.toString())).thenReturn(run("running", 40, null));
        String page = body(mvc.perform(get(PAGE).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("Calibration of v1", "A=1..2/1", "40% · 2 of 5 replays",
                "hx-get=\"" + PAGE + "/progress\"", "hx-trigger=\"every 1s\"").doesNotContain("id=\"heat\"");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aFinishedCalibrationShowsTheCellsToTypeTheHeatMapAndTheRankedCombinations() throws Exception {
        when(calibrations.find(ID.toString())).thenReturn(run("done", 100, SUMMARY));
        String page = body(mvc.perform(get(PAGE).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn());
        assertThat(page).doesNotContain("hx-trigger");
        assertThat(between(page, "id=\"to-type\"", "</table>")).contains(
                "href=\"/console/rule-sets/v1/cells/Parameters!C4\"", "<strong>1</strong>", "<strong>20</strong>");
        String heat = between(page, "id=\"heat\"", "</table>");
        assertThat(heat).as("the best score darkest, the worst lightest, no score a dash").contains(
                "Best score for A and B", "class=\"num heat-4\">0.50<", "class=\"num heat-2\">1.50<",
                "class=\"num heat-0\">2.50<", "class=\"num muted\">—<");
        assertThat(between(page, "id=\"ranked\"", "</table>")).contains("90.0%", "does not compile");
        assertThat(page).contains("href=\"" + PAGE + "/calibration.csv\"", "href=\"" + PAGE + "/calibration.xlsx\"");
        String chinese = body(mvc.perform(get(PAGE).header("Accept-Language", "zh")).andExpect(status().isOk())
                .andReturn());
        assertThat(chinese).contains("在参数表中填入以下值", "A 与 B 的最佳得分");
    }
}
