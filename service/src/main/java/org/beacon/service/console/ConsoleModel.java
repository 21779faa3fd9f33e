package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every console page needs: who is signed in and with which role, the navigation, the language
 * switch (this page in each language) and the CSRF token for htmx. Added to every console page's model, and by
 * {@link ConsoleErrors} to its error pages.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** A language of the switch: its code, its name in itself, this page in it, and whether the page is in it. */
    record LanguageLink(String code, String name, String href, boolean current) {
    }

    private final Navigation navigation;

    ConsoleModel(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request, Locale locale) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SignedInUser user = SignedInUser.of(authentication);
        String path = LanguageSwitch.path(request);
        Language current = Language.of(locale);
        model.addAttribute("user", user);
        model.addAttribute("navigation", user == null ? List.of() : navigation.entries(authentication, path));
        model.addAttribute("languages", Arrays.stream(Language.values())
                .map(l -> new LanguageLink(l.code(), l.nativeName(), LanguageSwitch.switchTo(request, l),
                        l == current)).toList());
        model.addAttribute("htmxHeaders", htmxHeaders(request));
    }

    /**
     * The CSRF token as htmx sends it with every request it makes ({@code hx-headers} on the body), so that a
     * change made from a page passes the same check as a form; null on a page without a token.
     */
    private static String htmxHeaders(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? "{\"" + token.getHeaderName() + "\":\"" + token.getToken() + "\"}" : null;
    }
}
