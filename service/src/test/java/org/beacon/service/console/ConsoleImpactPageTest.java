package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.service.impact.ImpactService;
import org.beacon.service.impact.ImpactViews;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version's impact run pages without a browser: editors and up only, as the API; the version page's button starts
 * a run and leads to its page; a refusal is the API's problem on a page and starts nothing; a running run asks for
 * its progress every second; a finished one shows each output's matrix with words, the weekly burden's chart data,
 * example decisions linking to the audit trail, rows gained and lost and the workbook. The impact service is a mock
 * at this slice's boundary.
 */
@WebMvcTest(controllers = ImpactPage.class)
@Import({Navigation.class, ConsolePagesTest.Security.class})
class ConsoleImpactPageTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final UUID ID = UUID.fromString("5d1f0c3e-8a2b-4c6d-9e7f-1a2b3c4d5e6f");
    private static final String PAGE = "/console/rule-sets/v2/impact/" + ID;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORT = """
            {"before":"v1","after":"v2","situations":40,"decided":40,"changed":7,"invalidBefore":0,
             "becameInvalid":0,"invalid":[],
             "transitions":[
               {"name":"grade","transitions":[
                 {"from":"Ⅲ","to":"Ⅱ","count":7,"examples":["ev-1","%s"]},
                 {"from":"Ⅲ","to":"Ⅲ","count":20,"examples":[]},
                 {"from":"none","to":"none","count":13,"examples":[]}]},
               {"name":"colour","transitions":[
                 {"from":"yellow","to":"orange","count":7,"examples":["ev-1"]},
                 {"from":"none","to":"none","count":33,"examples":[]}]},
               {"name":"reporting","transitions":[{"from":"24h","to":"2h","count":7,"examples":["ev-1"]}]}],
             "rows":[{"table":"Cholera","row":"Cholera!R9","gained":7,"lost":0,"gainedExamples":["ev-1"],"lostExamples":[]}],
             "weeks":[{"week":"2026-W48","before":{"red":0,"orange":0,"yellow":7,"blue":2,"graded":27},
                       "after":{"red":0,"orange":7,"yellow":0,"blue":2,"graded":27}}]}""".formatted(HOSTILE);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ImpactService impact;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    @BeforeEach
    void knownUsers() {
        StoredUsers.knowOneOfEachRole(users);
    }

    private static ImpactViews.Run run(String status, int percent, String report) {
        return new ImpactViews.Run(ID, "v2", "v1", status, "editor", Instant.parse("2026-12-04T09:30:00Z"),
                Instant.parse("2026-12-04T09:30:01Z"), null, JSON.readTree("{\"from\":\"2026-11-04\",\"to\":"
                        + "\"2026-12-04\"}"), null, new ImpactViews.Progress(percent, percent * 4L / 10, 40), 0,
                report == null ? null : JSON.readTree(report), null, Map.of());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aReviewerIsRefusedEveryImpactPageAndStartsNothing() throws Exception {
        for (String path : List.of(PAGE, PAGE + "/progress", PAGE + "/report.xlsx")) {
            mvc.perform(get(path)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
        }
        mvc.perform(post("/console/rule-sets/v2/impact").with(csrf())).andExpect(status().isForbidden());
        verify(impact, never()).start(anyString(), any(), anyString());
        verify(impact, never()).find(anyString(), anyString());
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void theButtonStartsARunOverTheDefaultWindowAndLeadsToItsPage() throws Exception {
        when(impact.start(eq("v2"), any(), eq("editor"))).thenReturn(new ImpactViews.Accepted(ID, "queued", 40,
                Map.of()));
        mvc.perform(post("/console/rule-sets/v2/impact").with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE));
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aRefusedStartShowsTheApisReasonInThePagesLanguageAndLeadsBackToTheVersion() throws Exception {
        when(impact.start(eq("v2"), any(), eq("editor"))).thenThrow(new ProblemException(new ProblemType(
                "long-runs-busy", 503, "Too many long runs"), "the service already runs or queues 4 impact runs") {
            @Override
            public HttpHeaders headers() {
                HttpHeaders h = new HttpHeaders();
                h.set(HttpHeaders.RETRY_AFTER, "30");
                return h;
            }
        });
        String busy = body(mvc.perform(post("/console/rule-sets/v2/impact").with(csrf())
                .header("Accept-Language", "en")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30")).andReturn());
        assertThat(busy).contains("The impact run was not started", "Too many long runs",
                "Every place for an impact run or a calibration is taken.", "href=\"/console/rule-sets/v2\"",
                "Back to v2");
        String busyChinese = body(mvc.perform(post("/console/rule-sets/v2/impact").with(csrf())
                .header("Accept-Language", "zh")).andExpect(status().isServiceUnavailable()).andReturn());
        assertThat(busyChinese).as("the words chosen by the problem's type, in the page's language")
                .contains("长时任务过多", "影响评估与参数校准的名额已满").doesNotContain("Too many long runs", "already runs");

        when(impact.start(eq("v3"), any(), eq("editor"))).thenThrow(new InvalidRequestException(List.of(
                new FieldError("?limit", "the window holds 200000 audited decisions, more than the cap of 100000"))));
        String overCap = body(mvc.perform(post("/console/rule-sets/v3/impact").with(csrf())
                .header("Accept-Language", "zh")).andExpect(status().isBadRequest()).andReturn());
        assertThat(overCap).contains("影响分析未启动", "该时间窗内有 200000 条已审计决策，超过单次影响评估上限 100000",
                "返回 v3").doesNotContain("the window holds");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aRunningRunShowsItsProgressAndAsksForItAgainEverySecond() throws Exception {
        when(impact.find("v2", ID.toString())).thenReturn(run("running", 40, null));
        String page = body(mvc.perform(get(PAGE).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("Impact of v2 against v1", "2026-11-04", "2026-12-04",
                "<progress id=\"progress-bar\" max=\"100\" value=\"40\">", "40% · 16 of 40 decisions",
                "hx-get=\"" + PAGE + "/progress\"", "hx-trigger=\"every 1s\"").doesNotContain("id=\"matrices\"");
        String part = body(mvc.perform(get(PAGE + "/progress").header("Accept-Language", "zh"))
                .andExpect(status().isOk()).andReturn());
        assertThat(part).startsWith("<section id=\"run\"").contains("已判定 16 / 40 条").doesNotContain("<html");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void aFinishedRunShowsEachOutputsMatrixTheBurdenChartAndExampleDecisionsAndStopsAsking() throws Exception {
        when(impact.find("v2", ID.toString())).thenReturn(run("done", 100, REPORT));
        String page = body(mvc.perform(get(PAGE).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn());
        assertThat(page).doesNotContain("hx-trigger", "<progress", HOSTILE);
        String grade = between(page, "id=\"matrix-grade\"", "</table>");
        assertThat(grade).contains("Response grade", "Grade Ⅲ", "Grade Ⅱ", "none");
        assertThat(grade).as("Ⅲ → Ⅱ moved, Ⅲ → Ⅲ stayed, nothing went from none to Ⅱ")
                .contains("class=\"num moved\">7<", "class=\"num same\">20<", "class=\"num muted\">0<");
        assertThat(between(page, "id=\"matrix-colour\"", "</table>")).contains("Yellow", "Orange",
                "colour-swatch");
        assertThat(between(page, "id=\"matrix-reporting\"", "</table>")).contains("24h", "2h");
        assertThat(page).contains("data-chart=\"{&quot;weeks&quot;:[&quot;2026-W48&quot;]",
                "&quot;warningsBefore&quot;:[9]", "&quot;warningsAfter&quot;:[9]", "&quot;gradedAfter&quot;:[27]",
                "data-warnings-before=\"Warnings before\"", "/assets/impact-chart.js",
                "href=\"/console/audit/ev-1\"", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "href=\"/console/rule-sets/v2/cells/Cholera!R9\">Cholera!R9<", "href=\"" + PAGE + "/report.xlsx\"");
        String chinese = body(mvc.perform(get(PAGE).header("Accept-Language", "zh")).andExpect(status().isOk())
                .andReturn());
        assertThat(chinese).contains("响应分级", "预警颜色", "之前的预警", "黄色");
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void theWorkbookIsDownloadedThroughTheConsole() throws Exception {
        when(impact.workbook("v2", ID.toString())).thenReturn(new byte[] {'P', 'K'});
        MvcResult xlsx = mvc.perform(get(PAGE + "/report.xlsx")).andExpect(status().isOk()).andReturn();
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("impact-v2-" + ID + ".xlsx");
        assertThat(xlsx.getResponse().getContentAsByteArray()).containsExactly('P', 'K');
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
