package org.beacon.service.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the one chosen with the console's switch (a cookie, kept a year), else the first of
 * the browser's {@code Accept-Language} that the console speaks, else English. Always one of {@link Language}, so a
 * page is never labelled with a language it is not written in. API clients send no such cookie, so for them this is
 * {@code Accept-Language} alone.
 */
final class LanguageChoice implements LocaleResolver {

    static final String COOKIE = "beacon-language";
    private static final Duration KEPT = Duration.ofDays(365);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> accepted(request)).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Language language = Language.of(locale);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, language.code()).path("/")
                .maxAge(KEPT).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
    }

    private static Optional<Language> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return Language.ofCode(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Language accepted(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Language.EN;
        }
        for (Locale l : Collections.list(request.getLocales())) {
            if ("zh".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                return Language.of(l);
            }
        }
        return Language.EN;
    }
}
