package org.beacon.service.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch on every page: {@code ?lang=zh} or {@code ?lang=en} on any console page remembers the choice
 * (see {@link LanguageChoice}) and sends the browser back to the same page without the parameter, so that the
 * address stays clean and a reload does not switch again.
 */
final class LanguageSwitch implements HandlerInterceptor {

    static final String PARAMETER = "lang";

    private final LocaleResolver languages;

    LanguageSwitch(LocaleResolver languages) {
        this.languages = languages;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Optional<Language> asked = Language.ofCode(request.getParameter(PARAMETER));
        if (!"GET".equals(request.getMethod()) || asked.isEmpty()) {
            return true;
        }
        languages.setLocale(request, response, asked.get().locale());
        String rest = query(request);
        response.sendRedirect(request.getContextPath() + path(request) + (rest.isEmpty() ? "" : "?" + rest));
        return false;
    }

    /** The address of this page in another language: the same path and query, and the language parameter. */
    static String switchTo(HttpServletRequest request, Language language) {
        String rest = query(request);
        return path(request) + "?" + (rest.isEmpty() ? "" : rest + "&") + PARAMETER + "=" + language.code();
    }

    /**
     * The page's own path (without the context path): the one the browser asked for, also when the console's 403
     * page was forwarded to.
     */
    static String path(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        return uri.substring(request.getContextPath().length());
    }

    /** The query the browser sent, less the language parameter; empty when there is none. */
    static String query(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded instanceof String s ? s : request.getQueryString();
        if (query == null) {
            return "";
        }
        return Arrays.stream(query.split("&")).filter(p -> !p.equals(PARAMETER) && !p.startsWith(PARAMETER + "="))
                .collect(Collectors.joining("&"));
    }
}
