package org.beacon.service.replay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Message;
import org.beacon.rules.replay.ActualLevels;
import org.beacon.rules.replay.DataIssue;
import org.beacon.rules.replay.ReplayInput;
import org.beacon.rules.replay.ReplayInputException;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;
import org.beacon.service.replay.ReplayInputFiles.InputFile;
import org.beacon.service.ruleset.DraftNotAllowedException;
import org.beacon.service.ruleset.RuleSetNotFoundException;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.security.CurrentUser;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns a {@link ReplayRequest} into a run ready to start, or refuses it whole: bad parameters are a 400 naming the
 * form field, an unknown version a 404, a timeline or actual file that cannot be replayed a 400 naming each file,
 * line and column ({@code timeline:12 date}). Reads the files completely before anything is stored.
 */
@Component
public class ReplayInputReader {

    static final String IN_FORCE = "in force";

    /** A run ready to start. */
    record Plan(Timeline timeline, ActualLevels actual, List<Replayer.Arm> arms, ReplayInputs inputs) {
    }

    /**
     * A timeline read for another kind of run (an impact run, a calibration), as a replay reads it.
     *
     * @param name the uploaded file's name, or the example's
     * @param sha256 of its bytes, hex
     */
    public record ReadTimeline(Timeline timeline, String name, String sha256, String source, String step,
            String missingDays, String level) {
    }

    /** The form fields a timeline is read with, as {@code POST /replays} names them. */
    public record TimelineFields(MultipartFile timeline, String example, String source, String step,
            String missingDays, String eventType, String level) {

        /** True when a timeline was sent, as a file or an example's name. */
        public boolean given() {
            return timeline != null && !timeline.isEmpty() || example != null && !example.isBlank();
        }
    }

    /**
     * Reads a timeline with the options of a replay, refusing it whole as {@link #read} would.
     *
     * @param actual the actual decisions' file, or null; read with the timeline so every error of both is told
     * @return the timeline, and the actual decisions when {@code actual} was given (else null)
     * @throws InvalidRequestException for bad form fields
     * @throws InvalidReplayInputException for files that cannot be read as a timeline
     */
    public Read readTimeline(TimelineFields f, MultipartFile actual, String actualExample, MultipartFile revisions,
            List<CompiledRuleSet> ruleSets) {
        return readTimeline(f, actual, actualExample, revisions, new ArrayList<>(), () -> ruleSets);
    }

    /**
     * @param errors the other fields' errors, told with these
     * @param ruleSets checks (versions) made once the fields are good and before the files are read, giving the rule
     *     sets that will decide the timeline: its levels are those all of them declare
     */
    private Read readTimeline(TimelineFields f, MultipartFile actual, String actualExample, MultipartFile revisions,
            List<FieldError> errors, Supplier<List<CompiledRuleSet>> ruleSets) {
        Timeline.Step step = step(f.step(), errors);
        Timeline.MissingDays missingDays = missingDays(f.missingDays(), errors);
        String levelText = text(f.level(), "level", errors);
        String source = text(f.source(), "source", errors);
        String eventType = text(f.eventType(), "eventType", errors);
        InputFile timeline = files.file(f.timeline(), "timeline", f.example(), "example", errors);
        InputFile actualFile = files.file(actual, "actual", actualExample, "actualExample", errors);
        InputFile known = ReplayInputFiles.upload(revisions, "revisions");
        if (timeline == null && errors.stream().noneMatch(e -> e.pointer().equals("example"))) {
            errors.add(new FieldError("timeline", "send the timeline as a CSV file (timeline) or name one of the "
                    + "example timelines (example)" + files.available()));
        }
        if (!errors.isEmpty() && levelText != null) {
            // a bad level is told with the other fields when the versions are good; after them when one is not
            try {
                level(levelText, TimelineCsv.Options.defaults().withLevelsOf(ruleSets.get()).levels(), errors);
            } catch (RuleSetNotFoundException | DraftNotAllowedException e) {
                // the version's problem is told once the fields are good, as before levels came from the versions
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        TimelineCsv.Options options = TimelineCsv.Options.defaults().withSource(source).withStep(step)
                .withMissingDays(missingDays).withEventType(eventType).withLevelsOf(ruleSets.get());
        String level = level(levelText, options.levels(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        options = options.withLevel(level);
        ReplayInput input;
        try {
            input = ReplayInput.read(timeline.reader(), timeline.field(), options,
                    actualFile == null ? null : actualFile.reader(), actualFile == null ? null : actualFile.field(),
                    known == null ? null : known.reader(), known == null ? null : known.field());
        } catch (ReplayInputException e) {
            throw new InvalidReplayInputException(e.issues().stream().map(ReplayInputReader::pointed).toList());
        }
        if (input.timeline().regions().stream().anyMatch(s -> s.eventType() == null)) {
            throw new InvalidRequestException(List.of(new FieldError("eventType", "the timeline has no eventType "
                    + "column (or empty cells in it); name the event type (eventType=covid19)")));
        }
        return new Read(new ReadTimeline(input.timeline(), timeline.name(), timeline.sha256(), source,
                step.name().toLowerCase(Locale.ROOT), missingDays == null ? null
                        : missingDays == Timeline.MissingDays.ZERO_FILL ? "zeroFill" : "carryForward",
                level), input.actual(), actualFile == null ? null : actualFile.name(),
                actualFile == null ? null : actualFile.sha256(), known == null ? null : known.name(),
                known == null ? null : known.sha256());
    }

    /** What {@link #readTimeline} read: the timeline, and the actual decisions and known revisions with their hashes. */
    public record Read(ReadTimeline timeline, ActualLevels actual, String actualName, String actualSha256,
            String revisionsName, String revisionsSha256) {
    }

    private final RuleSetRegistry registry;
    private final ReplayInputFiles files;

    ReplayInputReader(RuleSetRegistry registry, ReplayFolders properties) {
        this.registry = registry;
        this.files = new ReplayInputFiles(properties.examplesPath().resolve("timelines"));
    }

    /** The names a request may give as {@code example} or {@code actualExample}, sorted; none without the folder. */
    List<String> examples() {
        return files.examples();
    }

    /**
     * @throws InvalidRequestException for bad form fields
     * @throws org.beacon.service.ruleset.RuleSetNotFoundException for an unknown version
     * @throws InvalidReplayInputException for files that cannot be replayed
     */
    Plan read(ReplayRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String ruleSet = text(r.ruleSet(), "ruleSet", errors);
        String compareWith = text(r.compareWith(), "compareWith", errors);
        Read read = readTimeline(new TimelineFields(r.timeline(), r.example(), r.source(), r.step(), r.missingDays(),
                r.eventType(), r.level()), r.actual(), r.actualExample(), r.revisions(), errors, () -> {
                    registry.checkPinnable(ruleSet, CurrentUser.mayUseDrafts());
                    registry.checkPinnable(compareWith, CurrentUser.mayUseDrafts());
                    // without a version, the one in force today stands for those in force on each day
                    List<CompiledRuleSet> deciding = new ArrayList<>();
                    deciding.add(ruleSet == null ? registry.current() : registry.pinned(ruleSet));
                    if (compareWith != null) {
                        deciding.add(registry.pinned(compareWith));
                    }
                    return deciding;
                });
        CompiledRuleSet first = ruleSet == null ? null : registry.pinned(ruleSet);
        CompiledRuleSet second = compareWith == null ? null : registry.pinned(compareWith);
        Timeline t = read.timeline().timeline();

        List<Replayer.Arm> arms = new ArrayList<>();
        List<ReplayInputs.Arm> armInputs = new ArrayList<>();
        if (first == null) {
            arms.add(new Replayer.Arm(IN_FORCE, registry::forDate));
            armInputs.add(new ReplayInputs.Arm(IN_FORCE, null, inForce(t)));
        } else {
            arms.add(Replayer.Arm.pinned(ruleSet, first));
            armInputs.add(new ReplayInputs.Arm(ruleSet, ruleSet, List.of(ruleSet)));
        }
        if (second != null) {
            // the same version twice still needs two names: results and columns are labelled by arm
            String label = compareWith.equals(arms.get(0).label()) ? compareWith + " again" : compareWith;
            arms.add(Replayer.Arm.pinned(label, second));
            armInputs.add(new ReplayInputs.Arm(label, compareWith, List.of(compareWith)));
        }
        ReadTimeline in = read.timeline();
        ReplayInputs inputs = new ReplayInputs(in.name(), in.sha256(), read.actualName(), read.actualSha256(),
                read.revisionsName(), read.revisionsSha256(), in.source(), in.step(), in.missingDays(),
                blankToNull(r.eventType()), in.level(), armInputs);
        return new Plan(t, read.actual(), arms, inputs);
    }

    /**
     * The issue with a pointer to the form: a region's missing days are answered by the {@code missingDays} field, so
     * the problem points there and names the region in its detail (the reader locates it by region code).
     */
    private static DataIssue pointed(DataIssue issue) {
        if (issue.error() && issue.code().equals("MISSING_DAYS")) {
            return new DataIssue(true, issue.code(), "missingDays", "region " + issue.where() + ": "
                    + issue.detail(), issue.text() == null ? null
                    : Message.of("replay.MISSING_DAYS.region", issue.where(), issue.text()));
        }
        return issue;
    }

    /** The versions in force over the timeline's dates, as the registry sees them now. */
    private List<String> inForce(Timeline t) {
        LocalDate from = null;
        LocalDate to = null;
        for (Timeline.Series s : t.regions()) {
            LocalDate a = s.start();
            LocalDate b = s.date(t.step(), s.length() - 1);
            from = from == null || a.isBefore(from) ? a : from;
            to = to == null || b.isAfter(to) ? b : to;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = t.step() == Timeline.Step.DAY ? d.plusDays(1) : d.plusMonths(1)) {
            ids.add(registry.forDate(d).id());
        }
        return List.copyOf(ids);
    }

    private static Timeline.Step step(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Timeline.Step.DAY;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> Timeline.Step.DAY;
            case "month" -> Timeline.Step.MONTH;
            default -> {
                errors.add(new FieldError("step", "'" + shorten(text) + "' is not a step; use day or month"));
                yield Timeline.Step.DAY;
            }
        };
    }

    private static Timeline.MissingDays missingDays(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "zerofill" -> Timeline.MissingDays.ZERO_FILL;
            case "carryforward" -> Timeline.MissingDays.CARRY_FORWARD;
            default -> {
                errors.add(new FieldError("missingDays", "'" + shorten(text) + "' is not a way to fill missing "
                        + "days; use zeroFill (counts 0, totals unchanged) or carryForward (every value repeats)"));
                yield null;
            }
        };
    }

    /**
     * The level of rows without a level column: the field as the rule sets spell it (in any case), or province when
     * they have it and the field is not given, else none.
     *
     * @param errors where a level the rule sets do not declare is told
     */
    private static String level(String text, List<String> levels, List<FieldError> errors) {
        if (text == null) {
            return levels.contains(AdminLevel.PROVINCE.code()) ? AdminLevel.PROVINCE.code() : null;
        }
        String normalised = AdminLevel.normalised(text);
        return levels.stream().filter(l -> l.equalsIgnoreCase(normalised)).findFirst().orElseGet(() -> {
            errors.add(new FieldError("level", "'" + shorten(text) + "' is not a region level of the rule set ("
                    + String.join(", ", levels) + ")"));
            return null;
        });
    }

    private static String text(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 100 || text.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, field + " must be one line of at most 100 characters"));
            return null;
        }
        return text.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
