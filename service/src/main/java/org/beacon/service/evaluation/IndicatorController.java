package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Indicator;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicator dictionary of the rule set in force, so callers can build valid requests. */
@RestController
@Tag(name = "Indicators")
class IndicatorController {

    /**
     * @param name the name situations use under {@code indicators} ({@code eventType} and {@code adminLevel} come
     *     from the situation's own fields)
     */
    record IndicatorView(String name, String type, List<String> values, String unit, BigDecimal min, BigDecimal max,
            String descriptionZh, String descriptionEn) {
    }

    private final RuleSetRegistry registry;

    IndicatorController(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/indicators")
    @Operation(summary = "The indicators of the rule set in force today (or of ?ruleSet=<id>; a draft for editors and "
            + "admins only), with types, units and allowed ranges")
    List<IndicatorView> indicators(@RequestParam(required = false) String ruleSet) {
        // a draft's Dictionary is as unreleased as its tables: the same rule as deciding with it
        registry.checkPinnable(ruleSet, CurrentUser.mayUseDrafts());
        return (ruleSet == null ? registry.current() : registry.pinned(ruleSet)).dictionary().indicators().stream()
                .map(IndicatorController::view).toList();
    }

    @GetMapping(value = "/indicators/schema", produces = {"application/schema+json", "application/json"})
    @Operation(summary = "The JSON Schema of the situations POST /evaluations takes, generated from the Dictionary of "
            + "the rule set in force (or of ?ruleSet=<id>; a draft for editors and admins only): required fields, "
            + "each indicator's type, range, values and unit")
    Map<String, Object> schema(@RequestParam(required = false) String ruleSet) {
        // generated on each call from the compiled version: activating another one changes it at once
        registry.checkPinnable(ruleSet, CurrentUser.mayUseDrafts());
        return (ruleSet == null ? registry.current() : registry.pinned(ruleSet)).situationSchema();
    }

    private static IndicatorView view(Indicator i) {
        return new IndicatorView(i.name(), i.type().code(), i.values(), i.unit(), i.min(), i.max(), i.descriptionZh(),
                i.descriptionEn());
    }
}
