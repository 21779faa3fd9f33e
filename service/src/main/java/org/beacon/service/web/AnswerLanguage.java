package org.beacon.service.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.beacon.rules.model.DiagnosticMessages;
import org.springframework.http.HttpHeaders;

/**
 * The language the words of an answer are written in (diagnostics, test results): 简体中文 for a request whose
 * language is Chinese ({@code Accept-Language: zh-CN}, {@code zh}, or the console's language switch), English for
 * any other or none, as every answer was before. Codes, cells, types and JSON names are the same in both.
 */
public final class AnswerLanguage {

    private AnswerLanguage() {
    }

    /** Chinese or English, from the locale Spring resolved for the request. */
    public static Locale of(Locale requested) {
        return DiagnosticMessages.isChinese(requested) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** {@code Content-Language: zh-CN} on an answer translated into Chinese; nothing on an English one. */
    public static void tell(HttpServletResponse response, Locale language) {
        if (DiagnosticMessages.isChinese(language)) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        }
    }

    /** The same, for an answer built as headers. */
    public static void tell(HttpHeaders headers, Locale language) {
        if (DiagnosticMessages.isChinese(language)) {
            headers.set(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        }
    }
}
