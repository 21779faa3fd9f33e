package org.beacon.service.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * The navigation a user sees: the pages that exist and that the security configuration lets this user open, asked
 * of the same rules that refuse a page reached by its address, so the two cannot disagree.
 */
@Component
class Navigation {

    /** One entry: the page's address, the message key of its name, and whether it is the page being shown. */
    record Entry(String path, String label, boolean current) {
    }

    private final WebInvocationPrivilegeEvaluator access;

    Navigation(WebInvocationPrivilegeEvaluator access) {
        this.access = access;
    }

    /** The pages this user may open; the current one is the most precise page that holds the current path. */
    List<Entry> entries(Authentication user, String currentPath) {
        ConsolePage current = null;
        for (ConsolePage page : ConsolePage.values()) {
            if (page.contains(currentPath) && (current == null || page.path().length() > current.path().length())) {
                current = page;
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (ConsolePage page : ConsolePage.values()) {
            if (page.built() && access.isAllowed(page.path(), user)) {
                entries.add(new Entry(page.path(), page.label(), page == current));
            }
        }
        return entries;
    }

    /** True when the security rules let this user open this address (a page, or a button's target). */
    boolean allows(String path, Authentication user) {
        return access.isAllowed(path, user);
    }

    /** True when this user may open the page. */
    boolean offers(ConsolePage page, Authentication user) {
        return page.built() && access.isAllowed(page.path(), user);
    }
}
