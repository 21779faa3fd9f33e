package org.beacon.service.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The rule-set versions and their activations and rollbacks (reviewer and up, like {@code GET /rule-sets}). */
@Controller
class RuleSetsPage {

    private final RuleSetOverview ruleSets;

    RuleSetsPage(RuleSetOverview ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping("/console/rule-sets")
    String ruleSets(Model model) {
        model.addAttribute("overview", ruleSets.overview());
        return "console/rule-sets";
    }
}
