package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A console page that fails shows the console's own error page, in the page's language, rather than the API's
 * problem+json; the stack trace goes to the log only. Only for the console's controllers: the API's errors are
 * {@code web/ProblemHandler}'s.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel layout;

    ConsoleErrors(ConsoleModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(RuleSetNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        layout.layout(model, request, locale);
        return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model) {
        log.error("console page {} failed", request.getRequestURI(), e);
        layout.layout(model, request, locale);
        return ConsoleController.problem(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, response, model);
    }
}
