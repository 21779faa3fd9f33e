package org.beacon.service.web;

import java.util.List;
import java.util.Map;
import org.beacon.rules.InvalidSituationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as {@code application/problem+json} (RFC 9457): a fixed type URI and title per kind, a detail for this
 * occurrence, and for invalid requests {@code errors: [{pointer, detail}]}. Nothing a client sends produces a 500;
 * an unexpected failure produces a generic 500 whose details go to the log only.
 *
 * <p>A feature's own errors are {@link ProblemException}s that carry their kind, members and headers, so this class
 * knows no feature; it keeps what every feature shares: invalid requests, unreadable JSON and forms, and Spring's
 * own problems given Beacon's types.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        HttpHeaders language = new HttpHeaders();
        AnswerLanguage.tell(language, e.language());
        return respond(invalidRequest(e.errors()).getBody(), language);
    }

    /** A situation the rule set refuses (normally caught earlier by validation, with the request's own pointers). */
    @ExceptionHandler(InvalidSituationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSituationException e) {
        return invalidRequest(e.problems().stream()
                .map(p -> new InvalidRequestException.FieldError(p.pointer(), p.message())).toList());
    }

    /** A feature's own problem: its kind, its detail, the members and headers it adds. */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail p = e.problem();
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(e.headers()).body(p);
    }

    /** A multipart body that cannot be parsed (no boundary, cut off, not a form at all); too large is a 413. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableForm(MultipartException e) {
        return invalidRequest(List.of(new InvalidRequestException.FieldError("", "the body is not a readable "
                + "multipart/form-data form (each part between boundary lines, the last one closed)")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(Problems.INTERNAL_ERROR.detail("the request could not be completed; the failure was logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the limit is hit inside the JSON parser, which wraps it: look for it first, anywhere in the chain
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException p) {
                return cast(respond(Problems.PAYLOAD_TOO_LARGE.detail(p.getMessage())));
            }
            if (t instanceof UnreadableBodyException u) {
                return cast(invalidRequest(List.of(new InvalidRequestException.FieldError("", u.getMessage()))));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return cast(invalidRequest(List.of(new InvalidRequestException.FieldError(JsonErrors.pointer(j),
                        JsonErrors.detail(j)))));
            }
        }
        return cast(invalidRequest(List.of(new InvalidRequestException.FieldError("",
                "the body must be a JSON document"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return cast(invalidRequest(List.of(new InvalidRequestException.FieldError("?" + name, "'" + e.getValue()
                + "' is not a valid " + name))));
    }

    /** A form that does not bind (a text field where a file is expected): each field as a pointer. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(invalidRequest(e.getFieldErrors().stream().map(f -> {
            Class<?> type = e.getBindingResult().getFieldType(f.getField());
            return new InvalidRequestException.FieldError(f.getField(), type != null
                    && MultipartFile.class.isAssignableFrom(type) ? "must be a file (a part with a filename), not a "
                    + "text field" : "is not a valid " + f.getField());
        }).toList()));
    }

    /** Gives Spring's own problems (unknown path, wrong method, media type, …) Beacon's type URIs and titles. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own problems come with body null: their detail ("Method 'PUT' is not supported.") is in the
        // exception, and is lost unless taken from there
        ProblemDetail problem = body instanceof ProblemDetail p ? p : e instanceof ErrorResponse r
                ? r.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
                : ProblemDetail.forStatus(status);
        ProblemType kind = Problems.forStatus(status.value());
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail(kind.title());
        }
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        if (status.is5xxServerError()) {
            log.error("request failed", e);
            problem.setDetail("the request could not be completed; the failure was logged");
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> invalidRequest(List<InvalidRequestException.FieldError> errors) {
        ProblemDetail p = Problems.INVALID_REQUEST.detail(errors.size() == 1 ? errors.get(0).detail()
                : errors.size() + " fields are invalid; see errors");
        p.setProperty("errors", errors.stream().map(f -> Map.of("pointer", f.pointer(), "detail", f.detail()))
                .toList());
        return respond(p);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return respond(p, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p, HttpHeaders headers) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers).body(p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }
}
