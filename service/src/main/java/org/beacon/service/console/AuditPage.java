package org.beacon.service.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.evaluation.AuditFilter;
import org.beacon.service.evaluation.AuditTrail;
import org.beacon.service.evaluation.EvaluationService;
import org.beacon.service.evaluation.EvaluationSummary;
import org.beacon.service.retention.AuditRetention;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail (reviewer and up): decisions newest first with filters, paged by key ({@link AuditTrail}: no
 * offset, no count, so the thousandth page is as quick as the first); the filtered list as CSV, streamed; one
 * decision in the view of "try a decision" with its margins on request; a region's history as a timeline.
 */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;
    /** The points of a region's timeline: its newest decisions, enough for months of daily decisions. */
    static final int TIMELINE_POINTS = 400;
    private static final String[] CSV_HEADER = {"evaluationId", "evaluatedAt", "caller", "ruleSet", "eventType",
        "regionCode", "regionName", "asOf", "grade", "warningColour", "noMatch", "firedRules", "batchId",
        "batchIndex"};

    private final AuditTrail trail;
    private final EvaluationService evaluations;
    private final AuditRetention retention;
    private final MessageSource texts;
    private final ZoneId zone = ZoneId.systemDefault();

    AuditPage(AuditTrail trail, EvaluationService evaluations, AuditRetention retention, ApplicationContext context) {
        this.trail = trail;
        this.evaluations = evaluations;
        this.retention = retention;
        this.texts = ConsoleWebConfig.messages(context);
    }

    /** The filters as the form sends them, kept as typed to fill the form again. */
    record Filters(String region, String eventType, String grade, String colour, String ruleSet, String caller,
            String from, String to) {

        Filters {
            region = trim(region);
            eventType = trim(eventType);
            grade = trim(grade);
            colour = trim(colour);
            ruleSet = trim(ruleSet);
            caller = trim(caller);
            from = trim(from);
            to = trim(to);
        }

        /** {@code path} with these filters (and {@code after} when not null) as its query, encoded. */
        public String href(String path, String after) {
            org.springframework.web.util.UriComponentsBuilder uri =
                    org.springframework.web.util.UriComponentsBuilder.fromPath(path);
            params().forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
            Map<String, String> values = new LinkedHashMap<>(params());
            if (after != null) {
                uri.queryParam("after", "{after}");
                values.put("after", after);
            }
            return uri.encode().buildAndExpand(values).toUriString();
        }

        private Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            String[] names = {"region", "eventType", "grade", "colour", "ruleSet", "caller", "from", "to"};
            String[] values = {region, eventType, grade, colour, ruleSet, caller, from, to};
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null) {
                    p.put(names[i], values[i]);
                }
            }
            return p;
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    @GetMapping("/console/audit")
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String colour,
            @RequestParam(required = false) String ruleSet, @RequestParam(required = false) String caller,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String after, Locale locale, HttpServletResponse response, Model model) {
        Filters filters = new Filters(region, eventType, grade, colour, ruleSet, caller, from, to);
        List<String> errors = new ArrayList<>();
        AuditFilter filter = filter(filters, errors, locale);
        AuditTrail.Cursor cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = AuditTrail.Cursor.parse(after.strip());
            } catch (IllegalArgumentException e) {
                errors.add(texts.getMessage("audit.error.page", null, locale));
            }
        }
        model.addAttribute("filters", filters);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("colours", WarningColour.values());
        model.addAttribute("errors", errors);
        model.addAttribute("paged", cursor != null);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rows", List.of());
            model.addAttribute("next", null);
            return "console/audit";
        }
        AuditTrail.Page page = trail.newest(filter, cursor, PAGE_SIZE);
        model.addAttribute("rows", page.items().stream().map(s -> AuditRow.of(s, zone)).toList());
        model.addAttribute("next", page.next() == null ? null : page.next().toString());
        return "console/audit";
    }

    /**
     * The filtered list as CSV, newest first, written row by row as the database streams it. Bad filters give the
     * list page with its message, not a file.
     */
    @GetMapping("/console/audit.csv")
    String export(@RequestParam(required = false) String region, @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String colour,
            @RequestParam(required = false) String ruleSet, @RequestParam(required = false) String caller,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
            HttpServletResponse response, Model model) throws IOException {
        List<String> errors = new ArrayList<>();
        AuditFilter filter = filter(new Filters(region, eventType, grade, colour, ruleSet, caller, from, to), errors,
                locale);
        if (!errors.isEmpty()) {
            return list(region, eventType, grade, colour, ruleSet, caller, from, to, null, locale, response, model);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
            trail.forEach(filter, s -> {
                try {
                    csv.printRecord(csvRecord(s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return null;
    }

    /** One decision, as "try a decision" shows it, with links into its version's grid; its margins on request. */
    @GetMapping("/console/audit/{id}")
    String decision(@PathVariable String id, @RequestParam(required = false) String margins, Locale locale,
            HttpServletResponse response, Model model) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        Optional<EvaluationService.AuditedDecision> found = evaluations.audited(uuid);
        // a link kept from before audit retention moved the row out of the database still shows it, from its file
        Optional<AuditRetention.Archived> archived = found.isPresent() ? Optional.empty() : retention.archived(uuid);
        if (archived.isPresent()) {
            found = Optional.of(evaluations.audited(archived.get().decisionJson(), archived.get().caller()));
        }
        model.addAttribute("archived", archived.map(AuditRetention.Archived::file).orElse(null));
        if (found.isEmpty()) {
            return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
        }
        model.addAttribute("answer", DecisionAnswer.of(found.get().decision(), found.get().caller(),
                Language.of(locale), zone));
        model.addAttribute("region", found.get().decision().situation().region());
        boolean showMargins = margins != null;
        model.addAttribute("showMargins", showMargins);
        model.addAttribute("margins", showMargins ? evaluations.margins(uuid).map(MarginLines::of).orElse(null)
                : null);
        return "console/audit-decision";
    }

    /** A region's decisions over time: grade and colour, each point a link to its decision. */
    @GetMapping("/console/audit/regions/{code}")
    String region(@PathVariable String code, Model model) {
        List<AuditRow> rows = trail.history(code, TIMELINE_POINTS).stream().map(s -> AuditRow.of(s, zone)).toList();
        model.addAttribute("code", code);
        model.addAttribute("name", rows.stream().map(AuditRow::regionName).filter(n -> n != null).reduce((a, b) -> b)
                .orElse(null));
        model.addAttribute("timeline", Timeline.of(rows));
        List<AuditRow> newestFirst = new ArrayList<>(rows);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("rows", newestFirst);
        model.addAttribute("limit", TIMELINE_POINTS);
        model.addAttribute("colours", WarningColour.values());
        return "console/audit-region";
    }

    /** The filters the database can use, or messages naming what is wrong with them. */
    private AuditFilter filter(Filters f, List<String> errors, Locale locale) {
        if (f.grade() != null && Arrays.stream(Grade.values()).noneMatch(g -> g.name().equals(f.grade()))) {
            errors.add(texts.getMessage("audit.error.grade", new Object[] {f.grade()}, locale));
        }
        if (f.colour() != null && Arrays.stream(WarningColour.values()).noneMatch(c -> c.code().equals(f.colour()))) {
            errors.add(texts.getMessage("audit.error.colour", new Object[] {f.colour()}, locale));
        }
        LocalDate from = date(f.from(), "audit.from", errors, locale);
        LocalDate to = date(f.to(), "audit.to", errors, locale);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(texts.getMessage("audit.error.range", new Object[] {f.from(), f.to()}, locale));
        }
        // whole days in the console's zone, the zone its times are shown in; "to" includes its day
        return new AuditFilter(f.region(), f.eventType(), f.grade(), f.colour(), f.ruleSet(), f.caller(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private LocalDate date(String text, String field, List<String> errors, Locale locale) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(texts.getMessage("audit.error.date", new Object[] {texts.getMessage(field, null, locale),
                text}, locale));
            return null;
        }
    }

    private static List<Object> csvRecord(EvaluationSummary s) {
        return Arrays.asList(s.evaluationId(), s.evaluatedAt(), text(s.caller()), s.ruleSetId(), text(s.eventType()),
                text(s.regionCode()), text(s.regionName()), s.asOf(), s.grade(), s.warningColour(), s.noMatch(),
                String.join(" ", s.firedRules()), s.batchId(), s.batchIndex());
    }

    /**
     * A text a caller sent, made safe for a spreadsheet: one starting with = + - @ would be read as a formula by
     * Excel (CSV injection), so it gets a leading apostrophe, which Excel shows as text.
     */
    private static String text(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
