package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.service.evaluation.Boundaries;
import org.beacon.service.evaluation.EvaluationService;
import org.beacon.service.evaluation.LatestRiskMap;
import org.beacon.service.evaluation.RiskMapRequest;
import org.beacon.service.evaluation.RiskMapResponse;
import org.beacon.service.security.Callers;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.JsonErrors;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five-colour risk map (reviewer and up): for a risk-map request (pasted, uploaded, or a bundled example),
 * decided and audited as {@code POST /risk-map} decides it, or for the latest decision of each region this week. A
 * tile grid that needs no map data, a choropleth when boundaries are given (uploaded here, or the request's
 * {@code boundaries}), a legend with each colour's rows. A bad request or bad boundaries are told on the page and
 * nothing is decided.
 */
@Controller
class RiskMapPage {

    /** The regions the latest-decisions map shows at most. */
    static final int MAX_LATEST = 500;
    static final Duration LATEST_WINDOW = Duration.ofDays(7);

    private final EvaluationService evaluations;
    private final LatestRiskMap latestMap;
    private final JsonMapper json;
    private final MessageSource texts;
    private final Map<String, String> examples = new LinkedHashMap<>();

    RiskMapPage(EvaluationService evaluations, LatestRiskMap latestMap, JsonMapper json, ApplicationContext context) {
        this.evaluations = evaluations;
        this.latestMap = latestMap;
        this.json = json;
        this.texts = ConsoleWebConfig.messages(context);
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:examples/risk-map/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    examples.put(r.getFilename().replace(".json", ""),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged risk-map examples", e);
        }
    }

    @GetMapping("/console/risk-map")
    String form(@RequestParam(required = false) String latest, HttpServletRequest http, Locale locale, Model model) {
        form(model, "", List.of());
        if (latest != null) {
            String eventType = latest.isBlank() ? null : latest.strip();
            Instant now = Instant.now();
            LatestRiskMap.Drawn drawn = latestMap.draw(eventType, now.minus(LATEST_WINDOW), now, MAX_LATEST);
            List<RiskMapResponse.RegionRisk> regions = drawn.regions();
            if (drawn.truncated()) {
                model.addAttribute("truncated", MAX_LATEST);
            }
            model.addAttribute("latest", eventType == null ? "" : eventType);
            picture(model, regions.isEmpty() ? null : RiskMapPicture.of(null, regions, null), http, locale);
        }
        return "console/risk-map";
    }

    @PostMapping("/console/risk-map")
    String draw(@RequestParam(required = false) String request, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String example, @RequestParam(required = false) MultipartFile boundaries,
            HttpServletRequest http, HttpServletResponse response, Locale locale, Model model) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : example != null && examples.containsKey(example) ? examples.get(example)
                : request == null ? "" : request;
        List<FieldError> errors = new ArrayList<>();
        RiskMapRequest read = read(text, errors, locale);
        Boundaries outlines = null;
        if (errors.isEmpty()) {
            try {
                outlines = outlines(read, boundaries, locale, errors);
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (errors.isEmpty()) {
            try {
                RiskMapResponse map = evaluations.riskMap(read, false, Callers.of(http), null);
                form(model, text, List.of());
                picture(model, RiskMapPicture.of(map.ruleSet().id(), map.regions(), outlines), http, locale);
                return "console/risk-map";
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        response.setStatus(422);
        form(model, text, errors);
        return "console/risk-map";
    }

    private void picture(Model model, RiskMapPicture map, HttpServletRequest http, Locale locale) {
        model.addAttribute("map", map);
        if (map != null) {
            model.addAttribute("tiles", new TileMarkup(http.getContextPath(), map.ruleSetId(), texts, locale)
                    .of(map.groups()));
        }
    }

    private void form(Model model, String text, List<FieldError> errors) {
        model.addAttribute("examples", List.copyOf(examples.keySet()));
        model.addAttribute("request", text);
        model.addAttribute("errors", errors);
    }

    private RiskMapRequest read(String text, List<FieldError> errors, Locale locale) {
        if (text.isBlank()) {
            errors.add(new FieldError("", texts.getMessage("riskMap.error.empty", null, locale)));
            return null;
        }
        if (text.length() > DecisionsPage.MAX_JSON * 10) {
            errors.add(new FieldError("", texts.getMessage("decisions.error.tooLong",
                    new Object[] {DecisionsPage.MAX_JSON * 10}, locale)));
            return null;
        }
        try {
            RiskMapRequest r = json.readValue(text, RiskMapRequest.class);
            if (r == null) {
                errors.add(new FieldError("", texts.getMessage("decisions.error.notObject", null, locale)));
            }
            return r;
        } catch (JacksonException e) {
            errors.add(new FieldError(JsonErrors.pointer(e), JsonErrors.detail(e)));
            return null;
        }
    }

    /** The boundaries uploaded on the page, else those of the request, else none. */
    private Boundaries outlines(RiskMapRequest request, MultipartFile file, Locale locale, List<FieldError> errors)
            throws IOException {
        if (file != null && !file.isEmpty()) {
            JsonNode tree;
            try {
                tree = json.readTree(file.getBytes());
            } catch (JacksonException e) {
                errors.add(new FieldError(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                        texts.getMessage("riskMap.error.geojson", new Object[] {JsonErrors.detail(e)}, locale)));
                return null;
            }
            return Boundaries.read(tree, "");
        }
        JsonNode given = request.boundaries();
        return given == null || given.isNull() ? null : Boundaries.read(given, "/boundaries");
    }
}
