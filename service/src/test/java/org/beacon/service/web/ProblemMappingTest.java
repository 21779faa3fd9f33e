package org.beacon.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How an exception becomes a problem, in a web slice without the application: a feature's {@link ProblemException}
 * answers with its own kind, members and headers, with no change to the handler; an invalid request lists its
 * fields; an unexpected failure says nothing of itself. The console's pages and their error advice are left out: they
 * have their own slice ({@code ConsolePagesTest}).
 */
@WebMvcTest(controllers = ProblemMappingTest.Failing.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "org\\.beacon\\.service\\.console\\..*"))
@Import(ProblemMappingTest.Failing.class)
@EnableConfigurationProperties(RequestLimits.class)
@WithMockUser
class ProblemMappingTest {

    static final ProblemType QUEUE_FULL = new ProblemType("queue-full", 503, "Queue full");

    /** An exception of a feature the handler has never heard of. */
    static final class QueueFullException extends ProblemException {

        QueueFullException() {
            super(QUEUE_FULL, "the queue holds 3 runs; try again in 7 s");
        }

        @Override
        protected void addMembers(ProblemDetail problem) {
            problem.setProperty("queued", 3);
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "7");
            return headers;
        }
    }

    @RestController
    static class Failing {

        @GetMapping("/test-only/queue-full")
        void queueFull() {
            throw new QueueFullException();
        }

        @GetMapping("/test-only/invalid")
        void invalid() {
            throw new InvalidRequestException(List.of(new FieldError("/indicators/cases", "must be ≥ 0"),
                    new FieldError("/eventType", "is required")));
        }

        @GetMapping("/test-only/failure")
        void failure() {
            throw new IllegalStateException("jdbc:h2:file:/secret EVALUATION");
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aFeaturesOwnProblemAnswersWithItsKindMembersAndHeaders() throws Exception {
        MvcResult r = mvc.perform(get("/test-only/queue-full")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo("7");
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"type\":\"urn:beacon:problem:queue-full\"",
                "\"title\":\"Queue full\"", "\"status\":503", "\"detail\":\"the queue holds 3 runs; try again in 7 s\"",
                "\"queued\":3");
    }

    @Test
    void anInvalidRequestListsEachFieldWithItsPointer() throws Exception {
        MvcResult r = mvc.perform(get("/test-only/invalid")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"type\":\"urn:beacon:problem:invalid-request\"",
                "\"detail\":\"2 fields are invalid; see errors\"",
                "\"pointer\":\"/indicators/cases\"", "\"detail\":\"must be ≥ 0\"", "\"pointer\":\"/eventType\"");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500() throws Exception {
        MvcResult r = mvc.perform(get("/test-only/failure")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(500);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"type\":\"urn:beacon:problem:internal-error\"",
                "the request could not be completed; the failure was logged").doesNotContain("jdbc", "EVALUATION");
    }
}
