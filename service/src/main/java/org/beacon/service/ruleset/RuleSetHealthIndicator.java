package org.beacon.service.ruleset;

import org.beacon.rules.CompiledRuleSet;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the rule set in force under {@code /actuator/health/ruleSet}. */
@Component("ruleSet")
class RuleSetHealthIndicator extends AbstractHealthIndicator {

    private final ActiveRuleSet active;

    RuleSetHealthIndicator(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CompiledRuleSet rs = active.ruleSet();
        builder.up()
                .withDetail("id", rs.id())
                .withDetail("contentHash", rs.contentHash())
                .withDetail("tables", rs.tables().size())
                .withDetail("testsPassed", active.compilation().tests().size())
                .withDetail("warnings", active.compilation().warnings().size());
    }
}
