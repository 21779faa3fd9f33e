package org.beacon.service.console;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rule-set versions, each linked to its page, and their activations and rollbacks (reviewer and up, like
 * {@code GET /rule-sets}); editors also get the way to upload and check.
 */
@Controller
class RuleSetsPage {

    private final RuleSetOverview ruleSets;
    private final Navigation navigation;

    RuleSetsPage(RuleSetOverview ruleSets, Navigation navigation) {
        this.ruleSets = ruleSets;
        this.navigation = navigation;
    }

    @GetMapping("/console/rule-sets")
    String ruleSets(Model model) {
        model.addAttribute("overview", ruleSets.overview());
        model.addAttribute("mayCheck", navigation.allows(ConsolePage.CHECK.path(),
                SecurityContextHolder.getContext().getAuthentication()));
        return "console/rule-sets";
    }
}
