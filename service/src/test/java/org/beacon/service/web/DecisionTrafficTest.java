package org.beacon.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Long runs see a decision as in flight exactly while its request is being answered, and only decisions count. */
class DecisionTrafficTest {

    private final DecisionTraffic traffic = new DecisionTraffic();

    @Test
    void anEvaluationIsInFlightWhileItIsAnsweredAndNoLonger() throws Exception {
        List<Boolean> seenDuring = new ArrayList<>();

        traffic.doFilter(request("/evaluations/batch"), new MockHttpServletResponse(),
                (req, res) -> seenDuring.add(traffic.busy()));

        assertThat(seenDuring).containsExactly(true);
        assertThat(traffic.busy()).isFalse();
    }

    @Test
    void aFailedEvaluationIsNoLongerInFlight() {
        try {
            traffic.doFilter(request("/risk-map"), new MockHttpServletResponse(), (req, res) -> {
                throw new IllegalStateException("the answer failed");
            });
        } catch (Exception expected) {
            // the filter passes it on
        }

        assertThat(traffic.busy()).isFalse();
    }

    @Test
    void consolePagesAndReplaysAreNotDecisionsToGiveWayTo() throws Exception {
        List<Boolean> seenDuring = new ArrayList<>();

        traffic.doFilter(request("/console/audit"), new MockHttpServletResponse(),
                (req, res) -> seenDuring.add(traffic.busy()));
        traffic.doFilter(request("/replays"), new MockHttpServletResponse(),
                (req, res) -> seenDuring.add(traffic.busy()));

        assertThat(seenDuring).containsExactly(false, false);
    }

    private static MockHttpServletRequest request(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
