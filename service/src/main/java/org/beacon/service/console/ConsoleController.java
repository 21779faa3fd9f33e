package org.beacon.service.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.replay.RunningReplays;
import org.beacon.service.security.Role;
import java.time.ZoneId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's frame: the home page, the sign-in page, and the pages for an address a role may
 * not open (403) or that does not exist (404).
 */
@Controller
class ConsoleController {

    private final Navigation navigation;
    private final RuleSetOverview ruleSets;
    private final TodaysPicture picture;
    private final RunningReplays replays;

    ConsoleController(Navigation navigation, RuleSetOverview ruleSets, TodaysPicture picture,
            RunningReplays replays) {
        this.navigation = navigation;
        this.ruleSets = ruleSets;
        this.picture = picture;
        this.replays = replays;
    }

    @GetMapping("/console")
    String home(Model model) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        List<ConsolePage> offered = Arrays.stream(ConsolePage.values())
                .filter(p -> p != ConsolePage.HOME && navigation.offers(p, user)).toList();
        RuleSetOverview.Overview overview = ruleSets.overview();
        model.addAttribute("pages", offered.stream().map(p -> new Navigation.Entry(p.path(), p.label(), false))
                .toList());
        model.addAttribute("inForce", overview.inForce().orElse(null));
        model.addAttribute("next", overview.next().orElse(null));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("colours", WarningColour.values());
        // today's picture comes from the audit trail: for those who may read it (reviewer and up), as the API
        SignedInUser signedIn = SignedInUser.of(user);
        if (signedIn != null && signedIn.role() != null && signedIn.role().ordinal() >= Role.REVIEWER.ordinal()) {
            model.addAttribute("picture", picture.of(ZoneId.systemDefault()));
            model.addAttribute("replays", replays.list());
        }
        return "console/home";
    }

    /**
     * The sign-in form; the form is sent to the same address, where Spring Security checks it.
     *
     * @param throttled seconds to wait after too many refused sign-ins from this address
     */
    @GetMapping("/console/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String expired,
            @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        if (SignedInUser.of(SecurityContextHolder.getContext().getAuthentication()) != null) {
            return "redirect:/console";
        }
        model.addAttribute("refused", error != null);
        model.addAttribute("throttled", throttled == null ? null : throttled.matches("[0-9]{1,4}")
                ? Integer.parseInt(throttled) : 60);
        model.addAttribute("expired", expired != null);
        model.addAttribute("signedOut", signedOut != null);
        return "console/sign-in";
    }

    /** Where the security configuration forwards a page the role may not open; also a page of its own. */
    @GetMapping("/console/forbidden")
    String forbidden(HttpServletResponse response, Model model) {
        return problem(HttpServletResponse.SC_FORBIDDEN, response, model);
    }

    /**
     * Any other console address: the console's own 404 page, not the API's problem+json. Specific pages are mapped
     * more precisely and win; the console's assets are served from {@code /assets}, outside this pattern.
     */
    @GetMapping("/console/**")
    String notFound(HttpServletResponse response, Model model) {
        return problem(HttpServletResponse.SC_NOT_FOUND, response, model);
    }

    static String problem(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "console/problem";
    }
}
