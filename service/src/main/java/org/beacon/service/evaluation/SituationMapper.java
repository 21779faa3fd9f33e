package org.beacon.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.AdminLevel;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.Region;
import org.beacon.rules.Situation;
import org.beacon.rules.SituationProblem;

/** Turns a request into a situation the rule set accepts, or into field errors with pointers. */
final class SituationMapper {

    private SituationMapper() {
    }

    /**
     * @param prefix pointer prefix, e.g. {@code /situations/3} inside a batch, "" for a single request
     * @throws InvalidRequestException naming every offending field
     */
    static Situation toSituation(EvaluationRequest request, CompiledRuleSet ruleSet, String prefix) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        Region region = null;
        if (request.region() != null) {
            AdminLevel level = null;
            String levelText = request.region().level();
            if (levelText != null) {
                level = AdminLevel.parse(levelText).orElse(null);
                if (level == null) {
                    errors.add(new InvalidRequestException.FieldError(prefix + "/region/level", "'" + levelText
                            + "' is not one of province, prefecture, county, township"));
                }
            }
            if (request.region().code() == null || request.region().code().isBlank()) {
                errors.add(new InvalidRequestException.FieldError(prefix + "/region/code", "region.code is required"));
            }
            region = new Region(request.region().code(), request.region().name(), level);
        }
        Situation situation = new Situation(request.eventType(), region, request.asOf(), request.indicators());
        for (SituationProblem p : ruleSet.validate(situation)) {
            errors.add(new InvalidRequestException.FieldError(prefix + p.pointer(), p.message()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return situation;
    }
}
