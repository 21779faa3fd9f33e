package org.beacon.service.ruleset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.beacon.rules.CompiledRuleSet;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports the rule set in force today under {@code /actuator/health/ruleSet}, and the compiled versions held in
 * memory: their estimated size against {@code beacon.rule-sets.compiled-budget} and the evictions so far.
 */
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
        CompiledVersions.Memory memory = registry.memory();
        Map<String, Object> compiled = new LinkedHashMap<>();
        compiled.put("budgetBytes", memory.budgetBytes());
        compiled.put("heldBytes", memory.heldBytes());
        compiled.put("versions", memory.versions());
        compiled.put("evictions", memory.evictions());
        compiled.put("lastEvicted", memory.lastEvicted());
        builder.withDetail("compiled", compiled);
    }
}
