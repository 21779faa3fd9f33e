package org.beacon.service.ruleset;

import org.beacon.rules.CompiledRuleSet;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the rule set in force today under {@code /actuator/health/ruleSet}. */
@Component("ruleSet")
class RuleSetHealthIndicator extends AbstractHealthIndicator {

    private final RuleSetRegistry registry;

    RuleSetHealthIndicator(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CompiledRuleSet rs = registry.current();
        builder.up()
                .withDetail("id", rs.id())
                .withDetail("contentHash", rs.contentHash())
                .withDetail("tables", rs.tables().size())
                .withDetail("revision", registry.timeline().revision());
    }
}
