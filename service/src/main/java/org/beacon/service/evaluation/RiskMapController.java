package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.security.Callers;
import org.beacon.service.security.CurrentUser;
import org.beacon.service.web.RefusesUnknownParameters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The five-colour regional risk map (疫情五色图): many regions coloured in one call. */
@RestController
@RequestMapping("/risk-map")
@Tag(name = "Risk map")
class RiskMapController {

    private final EvaluationService service;
    private final EvaluationMetrics metrics;
    private final RuleSetRegistry registry;

    RiskMapController(EvaluationService service, EvaluationMetrics metrics, RuleSetRegistry registry) {
        this.service = service;
        this.metrics = metrics;
        this.registry = registry;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Colour many regions on the five-colour risk map", description = "Each region is decided "
            + "with the rule set in force on asOf (its risk-map table gives 红/橙/黄/蓝/绿) and audited; the answer "
            + "gives each region's colour with the rows and values behind it, and how many regions got each colour. "
            + "One invalid region refuses the whole request (400) and nothing is stored.")
    @RefusesUnknownParameters
    RiskMapResponse riskMap(@RequestBody RiskMapRequest request,
            @Parameter(description = "a rule-set version to use instead of the one in force on asOf")
            @RequestParam(required = false) String ruleSet,
            @Parameter(description = EvaluationController.MARGINS) @RequestParam(defaultValue = "false")
            boolean margins, HttpServletRequest http) {
        registry.checkPinnable(ruleSet, CurrentUser.mayUseDrafts());
        return metrics.batch().record(() -> service.riskMap(request, margins, Callers.of(http), ruleSet));
    }
}
