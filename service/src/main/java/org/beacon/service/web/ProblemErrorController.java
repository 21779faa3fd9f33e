package org.beacon.service.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page the servlet container forwards to when a request failed before a controller could answer (Tomcat
 * refusing TRACE, an error sent by a filter): problem+json like every other error, in place of Spring Boot's
 * default JSON. Asked for directly, {@code /error} is no endpoint: 404, where Spring Boot's page answered anyone
 * with 500 and {@code "status": 999}.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final JsonMapper json;

    ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem;
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status)
                || status < 400) {
            problem = Problems.NOT_FOUND.detail("no such path");
        } else {
            ProblemType kind = Problems.forStatus(status);
            // only the status is known here: the detail is fixed per status and never quotes the request
            problem = kind.detail(status >= 500 ? "the request could not be completed"
                    : kind.title());
            problem.setStatus(status);
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
