package org.beacon.service.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The errors Tomcat answers itself, before the request reaches the application (an encoded '/' or NUL, a backslash,
 * invalid UTF-8 in the path, a malformed request line): problem+json like every other error, instead of Tomcat's HTML
 * page. Only the status is known here, so the detail is fixed per status and never quotes the request.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType kind = Problems.forStatus(status);
        String detail = status == 400 ? "the request could not be read: its path or headers are malformed (an "
                + "encoded '/' or NUL, a backslash, invalid UTF-8, or a line too long)"
                : status >= 500 ? "the request could not be completed" : kind.title();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // constant text only, so no escaping is needed
                writer.write("{\"type\":\"" + kind.type() + "\",\"title\":\"" + kind.title() + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell it
        }
    }
}
