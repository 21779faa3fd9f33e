package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.service.console.PageText.between;
import static org.beacon.service.console.PageText.body;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.beacon.rules.model.Message;
import org.beacon.rules.replay.DataIssue;
import org.beacon.service.replay.InvalidReplayInputException;
import org.beacon.service.replay.ReplayNotFoundException;
import org.beacon.service.replay.ReplayService;
import org.beacon.service.replay.ReplayViews;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replay pages without a browser: reviewers and up only, the runs with who ran them, their files' SHA-256 and
 * their status in words, a refused form showing the API's problem and starting nothing, a running replay's progress
 * with its speed and time left (asked for again every second), and a finished one's region chart data, transitions
 * and lags. The replay service is a mock at this slice's boundary.
 */
@WebMvcTest(controllers = ReplaysPage.class)
@Import({Navigation.class, RuleSetOverview.class, ConsolePagesTest.Security.class})
class ConsoleReplaysPageTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final UUID ID = UUID.fromString("0b7c8e52-4f0a-4d5e-9a51-2d5c3c1e9a10");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INPUTS = """
            {"timeline":"covid.csv","timelineSha256":"ab12cd34","actual":"levels.csv","actualSha256":"ef56",
             "source":"canghailan","step":"day","level":"province","arms":[{"label":"in force","ruleSets":["v1"]}]}""";
    private static final String SUMMARY = """
            {"step":"day","regions":2,"steps":20,"first":"2020-01-22","last":"2020-01-31",
             "arms":[{"label":"in force","ruleSets":["v1"]}],
             "transitions":[
               {"region":"420000","regionName":"湖北省","date":"2020-01-23","arm":"in force","kind":"activate",
                "from":null,"to":"II","rows":["Escalation!R8"],"reasons":["newCases7d ≥ 100: 134"]},
               {"region":"330000","regionName":"浙江省","date":"2020-01-25","arm":"in force","kind":"activate",
                "from":null,"to":"IV","rows":["Escalation!R11"],"reasons":["newCases7d ≥ 1: 5"]}],
             "divergences":[],
             "actual":{"transitions":[{"region":"420000","date":"2020-01-24","from":null,"to":"I",
                "recommended":"2020-01-27","lagDays":3,"note":null}],"daysCompared":10,"daysAgreeing":4,
                "agreement":0.4},
             "issues":[{"error":false,"code":"POSSIBLE_REVISION","where":"420000 2020-01-28","detail":"%s"}],
             "millis":120,"stepsPerSecond":166}""".formatted(HOSTILE);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReplayService replays;

    @MockitoBean
    RuleSetService ruleSets;

    @MockitoBean
    UserService users;

    @BeforeEach
    void knownUsers() {
        StoredUsers.knowOneOfEachRole(users);
        when(replays.examples()).thenReturn(List.of("covid-2020-response-levels.csv",
                "covid-2020-zhejiang-hubei-guangdong.csv"));
        when(ruleSets.list()).thenReturn(List.of());
        when(replays.list(anyInt(), anyInt())).thenReturn(new ReplayViews.Page(0, 20, 1, List.of(
                new ReplayViews.Item(ID, "done", Instant.parse("2026-12-04T09:30:00Z"),
                        Instant.parse("2026-12-04T09:30:05Z"), "epi-" + HOSTILE, HOSTILE + ".csv",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "levels.csv",
                        List.of("v1"), 992, null))));
    }

    private ReplayViews.Run run(String status, ReplayViews.Progress progress, String summary) {
        return new ReplayViews.Run(ID, status, Instant.parse("2026-12-04T09:30:00Z"), "reviewer",
                Instant.parse("2026-12-04T09:30:01Z"), null, progress, JSON.readTree(INPUTS),
                summary == null ? null : JSON.readTree(summary), null, Map.of());
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerIsRefusedEveryReplayPageAndStartsNothing() throws Exception {
        for (String path : List.of("/console/replays", "/console/replays/" + ID, "/console/replays/" + ID
                + "/progress", "/console/replays/" + ID + "/steps.csv")) {
            mvc.perform(get(path)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
        }
        mvc.perform(multipart("/console/replays").param("example", "covid-2020-zhejiang-hubei-guangdong.csv")
                .with(csrf())).andExpect(status().isForbidden());
        verify(replays, never()).start(any(), anyString());
        verify(replays, never()).find(anyString());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void listsEachRunWithWhoRanItItsFilesWithTheirSha256AndItsStatusInWords() throws Exception {
        String page = body(mvc.perform(get("/console/replays").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "levels.csv",
                        "2026-12-04 09:30:00 UTC", ">Done<", "epi-&lt;script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;.csv",
                        "value=\"covid-2020-zhejiang-hubei-guangdong.csv\"", "href=\"/console/replays/" + ID + "\"")
                .doesNotContain(HOSTILE);
        String chinese = body(mvc.perform(get("/console/replays").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn());
        assertThat(chinese).contains("启动回放", "已完成");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRefusedFormShowsTheApisProblemKeepsWhatWasTypedAndStartsNothing() throws Exception {
        when(replays.start(any(), eq("reviewer"))).thenThrow(new InvalidRequestException(List.of(
                new FieldError("source", "the timeline mixes the sources canghailan and jhu; name one (source)"))));
        String page = body(mvc.perform(multipart("/console/replays")
                        .file(new MockMultipartFile("timeline", "mixed.csv", "text/csv", "date,region\n".getBytes()))
                        .param("source", HOSTILE).param("missingDays", "zeroFill").with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("The replay was not started:", "Invalid request", ">source<",
                "the timeline mixes the sources canghailan and jhu; name one (source)",
                "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", "value=\"zeroFill\" selected")
                .doesNotContain(HOSTILE);
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRefusedFormSaysWhyInThePagesLanguageByTheFieldItNamesKeepingTheValueTyped() throws Exception {
        when(replays.start(any(), eq("reviewer"))).thenThrow(new InvalidRequestException(List.of(
                new FieldError("step", "'weekly' is not a step; use day or month"))));
        String english = refusal("en", multipart("/console/replays").param("step", "weekly"), "replay-refusal");
        assertThat(english).contains("Invalid request", ">step<", "&#39;weekly&#39; is not a step: choose day or month.");
        String chinese = refusal("zh-CN", multipart("/console/replays").param("step", "weekly"), "replay-refusal");
        assertThat(chinese).contains("回放未启动", "请求无效", ">step<", "“weekly”不是步长：请选择按日或按月。")
                .doesNotContain("Invalid request", "use day or month");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aTimelineThatCannotBeReadIsToldWithItsFileAndLineInThePagesLanguage() throws Exception {
        when(replays.start(any(), eq("reviewer"))).thenThrow(new InvalidReplayInputException(List.of(new DataIssue(
                true, "MISSING_COLUMN", "timeline:1", "no 'date' column", Message.of("replay.MISSING_COLUMN.date")))));
        assertThat(refusal("en", multipart("/console/replays").param("example", "x.csv"), "replay-refusal"))
                .contains("Invalid request", ">timeline:1<", "no &#39;date&#39; column");
        assertThat(refusal("zh-CN", multipart("/console/replays").param("example", "x.csv"), "replay-refusal"))
                .contains("请求无效", ">timeline:1<", "缺少“date”列").doesNotContain("no &#39;date&#39; column");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void missingDaysAreToldWithTheirRegionInThePagesLanguage() throws Exception {
        // as ReplayInputReader points a region's missing days at the missingDays field
        Message gap = Message.of("replay.MISSING_DAYS", 2, "2020-01-20", "2020-01-23", "2020-01-21, 2020-01-22");
        when(replays.start(any(), eq("reviewer"))).thenThrow(new InvalidReplayInputException(List.of(new DataIssue(
                true, "MISSING_DAYS", "missingDays", "region 330100: " + gap,
                Message.of("replay.MISSING_DAYS.region", "330100", gap)))));
        assertThat(refusal("en", multipart("/console/replays").param("example", "x.csv"), "replay-refusal"))
                .contains("Invalid request", ">missingDays<", "region 330100: 2 missing between 2020-01-20 and "
                        + "2020-01-23");
        assertThat(refusal("zh-CN", multipart("/console/replays").param("example", "x.csv"), "replay-refusal"))
                .contains("请求无效", ">missingDays<", "地区 330100：2020-01-20 至 2020-01-23 之间缺失日期 2 天")
                .doesNotContain("region 330100", "missing between");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aVersionThatDoesNotExistIsToldByTheProblemsTypeInThePagesLanguage() throws Exception {
        when(replays.start(any(), eq("reviewer"))).thenThrow(new RuleSetNotFoundException("v9"));
        assertThat(refusal("en", multipart("/console/replays").param("compareWith", "v9"), "replay-refusal"))
                .contains("No such version", "The version chosen does not exist.")
                .doesNotContain("GET /rule-sets");
        assertThat(refusal("zh-CN", multipart("/console/replays").param("compareWith", "v9"), "replay-refusal"))
                .contains("没有这个版本", "所选版本不存在。").doesNotContain("Rule set not found", "GET /rule-sets");
    }

    private String refusal(String language, MockMultipartHttpServletRequestBuilder form, String id)
            throws Exception {
        String page = body(mvc.perform(form.with(csrf()).header("Accept-Language", language))
                .andExpect(status().is4xxClientError()).andReturn());
        return between(page, "id=\"" + id + "\"", "</div>");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aStartedReplayLeadsToItsPage() throws Exception {
        when(replays.start(any(), eq("reviewer"))).thenReturn(new ReplayViews.Accepted(ID, "queued", Map.of()));
        mvc.perform(multipart("/console/replays").param("example", "covid-2020-zhejiang-hubei-guangdong.csv")
                .with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/console/replays/" + ID));
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aRunningReplayShowsItsProgressSpeedAndTimeLeftAndAsksForThemAgainEverySecond() throws Exception {
        when(replays.find(ID.toString())).thenReturn(run("running",
                new ReplayViews.Progress(40, 400, 992, 120.0, 5L), null));
        String page = body(mvc.perform(get("/console/replays/" + ID).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<progress id=\"progress-bar\" max=\"100\" value=\"40\">",
                "40% · 400 of 992 steps", "120 steps per second", "about 5 s left",
                "hx-get=\"/console/replays/" + ID + "/progress\"", "hx-trigger=\"every 1s\"", "ab12cd34");
        String part = body(mvc.perform(get("/console/replays/" + ID + "/progress").header("Accept-Language", "zh"))
                .andExpect(status().isOk()).andReturn());
        assertThat(part).startsWith("<section id=\"run\"").contains("每秒 120 步", "约剩 5 秒")
                .doesNotContain("<html");
        verify(replays, never()).regions(anyString(), any(), anyInt(), anyInt());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void aFinishedReplayShowsTheChosenRegionsChartTransitionsAndTheLagsAndStopsAsking() throws Exception {
        when(replays.find(ID.toString())).thenReturn(run("done", new ReplayViews.Progress(100, 20, 20, 166.0, null),
                SUMMARY));
        when(replays.regions(eq(ID.toString()), eq(""), eq(0), anyInt())).thenReturn(new ReplayViews.Regions(0, 20, 2,
                List.of(new ReplayViews.Region("330000", "浙江省", 10), new ReplayViews.Region("420000", "湖北省", 10))));
        when(replays.series(ID.toString(), "420000")).thenReturn(Optional.of(new ReplayViews.Series("420000", "湖北省",
                List.of("2020-01-22", "2020-01-23"), Map.of("newCases7d", java.util.Arrays.asList(null, 134.0)),
                List.of(new ReplayViews.ArmLevels(null, java.util.Arrays.asList(null, "Ⅱ"))),
                java.util.Arrays.asList(null, "Ⅰ"))));
        String page = body(mvc.perform(get("/console/replays/" + ID).param("region", "420000")
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn());
        assertThat(page).doesNotContain("hx-trigger", "<progress").contains(
                "data-chart=\"{&quot;dates&quot;:[&quot;2020-01-22&quot;,&quot;2020-01-23&quot;]",
                "&quot;newCases7d&quot;:[null,134.0]", "&quot;levels&quot;:[0,3]", "&quot;actual&quot;:[0,4]",
                "data-level-names=\"no response,Ⅳ,Ⅲ,Ⅱ,Ⅰ\"", "湖北省 420000", "Escalation!R8", "newCases7d ≥ 100: 134",
                "Activate", "Grade Ⅱ", "40.0%", "2020-01-27", ">3<", "href=\"/console/replays/" + ID + "/report.xlsx\"",
                "href=\"/console/replays/" + ID + "/summary.json\"", "POSSIBLE_REVISION",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "/dist/echarts.min.js\" defer></script>")
                .doesNotContain("Escalation!R11", HOSTILE);
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void theLanguageSwitchOfAReplayKeepsTheRegionPickedAndThePickersPage() throws Exception {
        when(replays.find(ID.toString())).thenReturn(run("done", new ReplayViews.Progress(100, 20, 20, 166.0, null),
                SUMMARY));
        when(replays.regions(eq(ID.toString()), eq(""), eq(1), anyInt())).thenReturn(new ReplayViews.Regions(1, 20,
                22, List.of(new ReplayViews.Region("420000", "湖北省", 10))));
        when(replays.series(ID.toString(), "420000")).thenReturn(Optional.empty());
        String page = body(mvc.perform(get("/console/replays/" + ID + "?region=420000&rpage=1")
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn());
        assertThat(between(page, "id=\"languages\"", "</nav>")).contains("href=\"/console/replays/" + ID
                + "?region=420000&amp;rpage=1&amp;lang=zh\"");
        assertThat(between(page, "id=\"region-picker\"", ">")).as("a region picked in the page swaps the switch too")
                .contains("hx-select-oob=\"#languages\"");
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void anUnknownReplayIsTheConsoles404Page() throws Exception {
        when(replays.find("nope")).thenThrow(ReplayNotFoundException.class);
        String page = body(mvc.perform(get("/console/replays/nope").header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andReturn());
        assertThat(page).contains("There is no such page");
    }
}
