package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.service.calibration.CalibrationService;
import org.beacon.service.calibration.CalibrationViews;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.security.Role;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A calibration's page without a browser: reviewers and up only, its progress while it runs, then the cells to type,
 * the heat map of two parameters with each cell's score and shade, and the ranked combinations. The calibration
 * service is a mock at this slice's boundary.
 */
@WebMvcTest(controllers = CalibrationPage.class)
@Import({Navigation.class, ConsolePagesTest.Security.class})
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

    @BeforeEach
    void knownUsers() {
        StoredUsers.knows(users, "platform", Role.CALLER);
        StoredUsers.knows(users, "reviewer", Role.REVIEWER);
    }

    private static CalibrationViews.Run run(String status, int percent, String summary) {
        return new CalibrationViews.Run(ID, "v1", status, "reviewer", Instant.parse("2026-12-04T09:30:00Z"), null,
                null, new CalibrationViews.Progress(percent, percent / 20, 5), JSON.readTree(INPUTS),
                summary == null ? null : JSON.readTree(summary), null, Map.of());
    }

    @Test
    @WithMockUser(username = "platform", roles = "CALLER")
    void aCallerIsRefusedACalibrationsPage() throws Exception {
        for (String path : List.of(PAGE, PAGE + "/progress", PAGE + "/calibration.csv")) {
            mvc.perform(get(path)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
        }
        verify(calibrations, never()).find(anyString());
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

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
