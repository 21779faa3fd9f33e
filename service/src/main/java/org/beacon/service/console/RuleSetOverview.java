package org.beacon.service.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.beacon.service.ruleset.RuleSetEvent;
import org.beacon.service.ruleset.RuleSetService;
import org.beacon.service.ruleset.RuleSetView;
import org.springframework.stereotype.Component;

/**
 * The rule sets as the console shows them: which version is in force today, which is next by effective date, every
 * version newest first with its state in words, and every activation and rollback newest first. Times are the
 * server's local time, the zone the service decides "today" in.
 */
@Component
class RuleSetOverview {

    /** A version's state on the page; each is a word (and a mark) on the page, never a colour alone. */
    enum State {
        /** Today's situations are decided with it. */
        IN_FORCE,
        /** Activated with an effective date still to come. */
        SCHEDULED,
        /** Activated, and in force on dates before today only. */
        EARLIER,
        /** Never activated. */
        DRAFT,
        /** Rolled back, or replaced on every date it covered. */
        RETIRED;

        /** The message key of its word: {@code state.inForce}, … */
        public String label() {
            return switch (this) {
                case IN_FORCE -> "state.inForce";
                case SCHEDULED -> "state.scheduled";
                case EARLIER -> "state.earlier";
                case DRAFT -> "state.draft";
                case RETIRED -> "state.retired";
            };
        }

        /** Its CSS class. */
        public String css() {
            return "state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** @param effectiveFrom null: every date */
    record Version(String id, State state, String author, String comment, LocalDate effectiveFrom,
            LocalDateTime createdAt, Instant createdInstant, List<String> workbooks, int testsPassed, int warnings) {
    }

    /** @param previousId the version in force today before the event, or null */
    record Event(LocalDateTime at, Instant instant, String kind, String ruleSetId, String previousId, String actor) {

        /** The message key of what happened: {@code event.activation}, {@code event.rollback}. */
        public String label() {
            return "event." + kind;
        }
    }

    /**
     * @param inForce the version in force today (always one: the service does not start without)
     * @param next the version that comes into force next by its effective date, if one is scheduled
     */
    record Overview(Optional<Version> inForce, Optional<Version> next, List<Version> versions, List<Event> events,
            ZoneId zone) {
    }

    private final RuleSetService rules;
    private final ZoneId zone = ZoneId.systemDefault();

    RuleSetOverview(RuleSetService rules) {
        this.rules = rules;
    }

    Overview overview() {
        LocalDate today = LocalDate.now(zone);
        List<Version> versions = rules.list().stream().map(v -> version(v, today))
                .sorted(Comparator.comparing(Version::createdInstant).thenComparing(Version::id).reversed()).toList();
        Optional<Version> inForce = versions.stream().filter(v -> v.state() == State.IN_FORCE).findFirst();
        Optional<Version> next = versions.stream().filter(v -> v.state() == State.SCHEDULED)
                .min(Comparator.comparing(Version::effectiveFrom));
        List<Event> events = rules.events().stream().sorted(Comparator.comparingInt(RuleSetEvent::sequence)
                .reversed()).map(this::event).toList();
        return new Overview(inForce, next, versions, events, zone);
    }

    private Version version(RuleSetView v, LocalDate today) {
        return new Version(v.id(), state(v, today), v.author(), v.comment(), v.effectiveFrom(),
                LocalDateTime.ofInstant(v.createdAt(), zone), v.createdAt(), v.workbooks(), v.testsPassed(),
                v.warnings());
    }

    /**
     * A version that is active (answers for some date) but not today's answers either for dates to come (its
     * effective date is after today) or for dates before today only: a later activation took over from a date
     * after its own effective date.
     */
    static State state(RuleSetView v, LocalDate today) {
        if (v.inForceToday()) {
            return State.IN_FORCE;
        }
        return switch (v.status()) {
            case "active" -> v.effectiveFrom() != null && v.effectiveFrom().isAfter(today) ? State.SCHEDULED
                    : State.EARLIER;
            case "draft" -> State.DRAFT;
            default -> State.RETIRED;
        };
    }

    private Event event(RuleSetEvent e) {
        return new Event(LocalDateTime.ofInstant(e.at(), zone), e.at(), e.kind(), e.ruleSetId(), e.previousId(),
                e.actor());
    }
}
