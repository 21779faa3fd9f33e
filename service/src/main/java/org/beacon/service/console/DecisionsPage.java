package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.beacon.rules.model.Dictionary;
import org.beacon.service.evaluation.EvaluationRequest;
import org.beacon.service.evaluation.EvaluationResponse;
import org.beacon.service.evaluation.EvaluationService;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.ruleset.DraftNotAllowedException;
import org.beacon.service.security.CurrentUser;
import org.beacon.service.security.Role;
import org.beacon.service.security.Callers;
import org.beacon.service.web.JsonErrors;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Try a decision (caller and up): a form generated from a version's Dictionary, or a JSON box, decided and audited
 * by the evaluation service exactly as {@code POST /evaluations} decides (same validation, same audit row, the
 * signed-in user as the caller), and the answer with its explanation; a printable memo of one decision. Pinning a
 * version follows the API's rule ({@link DraftPinning}): a draft only for editors and admins.
 *
 * <p>A decision is sent with a POST and shown at its own address ({@code /console/decisions/{id}}), so a reload or
 * the language switch shows it again without deciding it twice.
 */
@Controller
class DecisionsPage {

    /** A situation larger than this is not pasted by a person; the API's limit is far above it. */
    static final int MAX_JSON = 1_000_000;

    private final EvaluationService evaluations;
    private final RuleSetRegistry registry;
    private final RuleSetOverview ruleSets;
    private final ExampleSituations examples;
    private final JsonMapper json;
    private final ConsoleModel layout;
    private final MessageSource texts;
    private final ZoneId zone = ZoneId.systemDefault();

    DecisionsPage(EvaluationService evaluations, RuleSetRegistry registry,
            RuleSetOverview ruleSets, ExampleSituations examples, JsonMapper json, ConsoleModel layout,
            ApplicationContext context) {
        this.evaluations = evaluations;
        this.registry = registry;
        this.ruleSets = ruleSets;
        this.examples = examples;
        this.json = json;
        this.layout = layout;
        this.texts = ConsoleWebConfig.messages(context);
    }

    @GetMapping("/console/decisions")
    String form(@RequestParam(required = false) String ruleSet, @RequestParam(required = false) String example,
            Model model) {
        String pinned = blankToNull(ruleSet);
        registry.checkPinnable(pinned, CurrentUser.mayUseDrafts());
        Optional<ExampleSituations.Example> chosen = examples.find(example);
        Map<String, String> values = chosen.map(e -> DecisionForm.values(e.request())).orElse(Map.of());
        return page(model, pinned, DecisionForm.of(dictionary(pinned), values, List.of()), chosen.map(
                ExampleSituations.Example::json).orElse(""), List.of(), false, chosen.map(
                ExampleSituations.Example::name).orElse(null), null);
    }

    @PostMapping("/console/decisions")
    String decide(@RequestParam MultiValueMap<String, String> params, HttpServletRequest http,
            HttpServletResponse response, Locale locale, Model model) {
        String pinned = blankToNull(params.getFirst("ruleSet"));
        registry.checkPinnable(pinned, CurrentUser.mayUseDrafts());
        Dictionary dictionary = dictionary(pinned);
        boolean fromJson = "json".equals(params.getFirst("mode"));
        Map<String, String> values = fromJson ? Map.of() : formValues(params);
        String text = fromJson ? String.valueOf(params.getFirst("situation")) : "";
        List<FieldError> errors = new ArrayList<>();
        EvaluationRequest request = fromJson ? read(text, errors, locale) : DecisionForm.request(values, dictionary,
                errors, texts.getMessage("decisions.error.date", null, locale));
        if (errors.isEmpty()) {
            try {
                EvaluationResponse decision = evaluations.decide(request, Callers.of(http), pinned);
                return "redirect:" + UriComponentsBuilder.fromPath("/console/decisions/{id}")
                        .queryParamIfPresent("ruleSet", Optional.ofNullable(pinned))
                        .buildAndExpand(decision.evaluationId()).encode().toUriString();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        response.setStatus(422);
        if (fromJson) {
            return page(model, pinned, DecisionForm.of(dictionary), text, errors, true, null, null);
        }
        return page(model, pinned, DecisionForm.of(dictionary, values, errors), "", List.of(), false, null, null);
    }

    /** One decision, with the form filled with its situation to try it again changed. */
    @GetMapping("/console/decisions/{id}")
    String decision(@PathVariable String id, @RequestParam(required = false) String ruleSet, Locale locale,
            HttpServletResponse response, Model model) {
        Optional<EvaluationService.AuditedDecision> found = audited(id);
        if (found.isEmpty()) {
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        String pinned = blankToNull(ruleSet);
        registry.checkPinnable(pinned, CurrentUser.mayUseDrafts());
        EvaluationResponse d = found.get().decision();
        DecisionAnswer answer = DecisionAnswer.of(d, found.get().caller(), Language.of(locale), zone);
        return page(model, pinned, DecisionForm.of(dictionary(pinned), DecisionForm.values(d.situation()),
                List.of()), situationJson(d.situation()), List.of(), false, null, answer);
    }

    /** The memo of one decision: on paper, without the console's navigation. */
    @GetMapping("/console/decisions/{id}/print")
    String memo(@PathVariable String id, Locale locale, HttpServletResponse response, Model model) {
        Optional<EvaluationService.AuditedDecision> found = audited(id);
        if (found.isEmpty()) {
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        model.addAttribute("answer", DecisionAnswer.of(found.get().decision(), found.get().caller(),
                Language.of(locale), zone));
        model.addAttribute("zone", zone);
        return "console/decision-memo";
    }

    /** A draft pinned by a user who may not: the page says why, and offers the form of the version in force. */
    @ExceptionHandler(DraftNotAllowedException.class)
    String draftRefused(DraftNotAllowedException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        layout.layout(model, request, locale);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("draftRefused", blankToNull(request.getParameter("ruleSet")));
        return page(model, null, DecisionForm.of(dictionary(null)), "", List.of(), false, null, null);
    }

    private String page(Model model, String pinned, DecisionForm form, String jsonText, List<FieldError> jsonErrors,
            boolean jsonOpen, String example, DecisionAnswer answer) {
        boolean editor = role().ordinal() >= Role.EDITOR.ordinal();
        RuleSetOverview.Overview overview = ruleSets.overview();
        model.addAttribute("versions", overview.versions().stream()
                .filter(v -> editor || v.state() != RuleSetOverview.State.DRAFT || v.id().equals(pinned)).toList());
        model.addAttribute("inForce", overview.inForce().orElse(null));
        model.addAttribute("pinned", pinned);
        model.addAttribute("formVersion", pinned != null ? pinned : registry.current().id());
        model.addAttribute("examples", examples.names());
        model.addAttribute("example", example);
        model.addAttribute("form", form);
        model.addAttribute("json", jsonText);
        model.addAttribute("jsonErrors", jsonErrors);
        model.addAttribute("jsonOpen", jsonOpen);
        model.addAttribute("answer", answer);
        return "console/decisions";
    }

    /**
     * The decision, when the signed-in user may see it: the one who asked, or a reviewer and up (who may read the
     * whole audit trail through the API). Anyone else is told there is no such decision.
     */
    private Optional<EvaluationService.AuditedDecision> audited(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String me = SecurityContextHolder.getContext().getAuthentication().getName();
        return evaluations.audited(uuid).filter(d -> d.caller().equals(me)
                || role().ordinal() >= Role.REVIEWER.ordinal());
    }

    private static Role role() {
        SignedInUser user = SignedInUser.of(SecurityContextHolder.getContext().getAuthentication());
        return user == null || user.role() == null ? Role.CALLER : user.role();
    }

    private Dictionary dictionary(String pinned) {
        return (pinned != null ? registry.pinned(pinned) : registry.current()).dictionary();
    }

    private EvaluationRequest read(String text, List<FieldError> errors, Locale locale) {
        if (text.isBlank()) {
            errors.add(new FieldError("", texts.getMessage("decisions.error.empty", null, locale)));
            return null;
        }
        if (text.length() > MAX_JSON) {
            errors.add(new FieldError("", texts.getMessage("decisions.error.tooLong", new Object[] {MAX_JSON},
                    locale)));
            return null;
        }
        try {
            EvaluationRequest request = json.readValue(text, EvaluationRequest.class);
            if (request == null) {
                errors.add(new FieldError("", texts.getMessage("decisions.error.notObject", null, locale)));
            }
            return request;
        } catch (JacksonException e) {
            errors.add(new FieldError(JsonErrors.pointer(e), JsonErrors.detail(e)));
            return null;
        }
    }

    /** The situation of a decision as a request would send it, for the JSON box. */
    private String situationJson(EvaluationResponse.SituationView s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventType", s.eventType());
        if (s.region() != null) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("code", s.region().code());
            if (s.region().name() != null) {
                region.put("name", s.region().name());
            }
            if (s.region().level() != null) {
                region.put("level", s.region().level());
            }
            out.put("region", region);
        }
        if (s.asOf() != null) {
            out.put("asOf", s.asOf().toString());
        }
        out.put("indicators", s.indicators() == null ? Map.of() : s.indicators());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    /** The form's fields as sent, trimmed; parameters that are not fields are left out. */
    private static Map<String, String> formValues(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, sent) -> {
            boolean field = name.equals(DecisionForm.EVENT_TYPE) || name.startsWith("region.")
                    || name.equals(DecisionForm.AS_OF) || name.startsWith(DecisionForm.INDICATOR);
            if (field && !sent.isEmpty() && sent.get(0) != null && !sent.get(0).isBlank()) {
                values.put(name, sent.get(0).strip());
            }
        });
        return values;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
