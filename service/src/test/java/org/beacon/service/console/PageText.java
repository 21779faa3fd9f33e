package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.test.web.servlet.MvcResult;

/** A page as the slice tests read it: its text, and the part of it between two marks. */
final class PageText {

    private PageText() {
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** From the first {@code start} up to the next {@code end}; fails when {@code start} is not on the page. */
    static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }
}
