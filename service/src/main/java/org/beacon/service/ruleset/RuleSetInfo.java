package org.beacon.service.ruleset;

import java.util.Map;
import org.beacon.rules.CompiledRuleSet;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the rule set in force to {@code /actuator/info}, next to the build version. */
@Component
class RuleSetInfo implements InfoContributor {

    private final RuleSetRegistry registry;

    RuleSetInfo(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        CompiledRuleSet rs = registry.current();
        builder.withDetail("ruleSet", Map.of("id", rs.id(), "contentHash", rs.contentHash(), "tables",
                rs.tables().size()));
    }
}
