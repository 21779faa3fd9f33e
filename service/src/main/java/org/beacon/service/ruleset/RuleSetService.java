package org.beacon.service.ruleset;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.VersionSize;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.faults.FaultInjection;
import org.springframework.stereotype.Service;

/** Upload, activation and rollback of rule-set versions. The version in force changes only through here. */
@Service
public class RuleSetService {

    /** A stored version and whether this upload created it. */
    public record Upload(RuleSetView version, boolean created) {
    }

    private final RuleSetStore store;
    private final RuleSetRegistry registry;
    private final CompileAdmission compiles;
    private final FaultInjection faults;

    RuleSetService(RuleSetStore store, RuleSetRegistry registry, CompileAdmission compiles, FaultInjection faults) {
        this.store = store;
        this.registry = registry;
        this.compiles = compiles;
        this.faults = faults;
    }

    /**
     * Makes a version from a base version and what an upload changes in it: validates, compiles and tests the merged
     * workbooks and stores them as a new draft, unless the same workbooks with the same effective date already are a
     * version, which is then returned as it is (its comment too). Everything is checked before anything is stored.
     *
     * @param baseId the version to start from; null for the version in force today
     * @throws RuleSetNotFoundException for an unknown base
     * @throws org.beacon.service.web.InvalidRequestException for removals that name nothing, or an empty set
     * @throws InvalidRuleSetException with every diagnostic when the workbooks have errors (a version
     *     over the budget included); nothing is stored then
     * @throws CompilesBusyException when no compile could start in time; nothing is stored then
     */
    public Upload upload(String baseId, WorkbookChanges changes, String author, String comment,
            LocalDate effectiveFrom) {
        return upload(baseId, changes, author, comment, effectiveFrom, Locale.ENGLISH);
    }

    /** The same, with each diagnostic's detail in {@code language} (简体中文 or English). */
    public Upload upload(String baseId, WorkbookChanges changes, String author, String comment,
            LocalDate effectiveFrom, Locale language) {
        String base = baseId == null ? registry.current().id() : version(baseId).id();
        WorkbookChanges.Merged merged = changes.applyTo(base, store.workbooks(base));
        String hash = RuleSetCompiler.contentHash(merged.workbooks());
        Optional<RuleSetVersion> existing = store.byIdentity(hash, effectiveFrom);
        if (existing.isPresent()) {
            RuleSetVersion v = existing.get();
            return new Upload(view(v, List.of(), null, outcome(base, v.id(), registry.pinned(v.id()), merged, true,
                    "the same workbooks with the same effective date are already " + v.id() + ", returned as it is "
                    + "(its comment too); nothing was stored")), false);
        }
        Compilation c = compiles.compile(merged.workbooks());
        if (!c.succeeded()) {
            throw new InvalidRuleSetException(c.diagnostics(), c.tests(), language);
        }
        RuleSetVersion v = store.insert(hash, author, comment, effectiveFrom, c.warnings().size(), c.tests().size(),
                merged.workbooks(), faults::pauseUpload);
        CompiledRuleSet compiled = c.ruleSet().orElseThrow().withId(v.id());
        registry.remember(compiled);
        return new Upload(view(v, c.diagnostics().stream().filter(d -> d.severity() != Severity.INFO)
                .map(d -> RuleSetView.DiagnosticView.of(d, language)).toList(), null, outcome(base, v.id(), compiled,
                merged, false, v.id() + " is " + merged.summary(base))), true);
    }

    /**
     * What {@link #upload} would give for the same workbooks, without storing anything: every diagnostic, every test
     * row, the size and, when there is no error, the diff against the base. Compiles like an upload, so it takes a
     * compile turn like one.
     *
     * @param baseId the version to start from; null for the version in force today
     * @throws RuleSetNotFoundException for an unknown base
     * @throws org.beacon.service.evaluation.InvalidRequestException for removals that name nothing, or an empty set
     * @throws CompilesBusyException when no compile could start in time
     */
    public RuleSetCheck check(String baseId, WorkbookChanges changes, LocalDate effectiveFrom) {
        return check(baseId, changes, effectiveFrom, Locale.ENGLISH);
    }

    /** The same, with each diagnostic's and test's detail in {@code language} (简体中文 or English). */
    public RuleSetCheck check(String baseId, WorkbookChanges changes, LocalDate effectiveFrom, Locale language) {
        String base = baseId == null ? registry.current().id() : version(baseId).id();
        WorkbookChanges.Merged merged = changes.applyTo(base, store.workbooks(base));
        String existing = store.byIdentity(RuleSetCompiler.contentHash(merged.workbooks()), effectiveFrom)
                .map(RuleSetVersion::id).orElse(null);
        Compilation c = compiles.compile(merged.workbooks());
        VersionDiff diff = c.ruleSet().map(r -> VersionDiff.of(base, existing == null ? RuleSetCheck.CHECKED
                : existing, RuleSetDiff.between(registry.pinned(base).model(), r.model()))).orElse(null);
        VersionSize size = compiles.size(merged.workbooks());
        int passed = (int) c.tests().stream().filter(TestOutcome::passed).count();
        RuleSetCheck.Summary summary = new RuleSetCheck.Summary(merged.workbooks().size(), size.tables(),
                size.ruleRows(), size.cells(), c.tests().size(), passed, c.tests().size() - passed,
                c.errors().size(), c.warnings().size(), (int) c.diagnostics().stream()
                        .filter(d -> d.severity() == Severity.INFO).count());
        String detail = !c.succeeded() ? c.errors().size() + " error(s): an upload would be refused; nothing was "
                + "stored" : existing != null ? "the same workbooks with the same effective date are already "
                + existing + ", which an upload would return as it is; nothing was stored" : "an upload would store "
                + merged.summary(base) + " as a new draft; nothing was stored";
        return new RuleSetCheck(c.succeeded(), base, existing, detail, merged.workbooks().stream()
                .map(WorkbookSource::name).toList(), merged.replaced(), merged.added(), merged.removed(),
                c.diagnostics().stream().map(d -> RuleSetView.DiagnosticView.of(d, language)).toList(),
                c.tests().stream().map(t -> RuleSetCheck.TestRow.of(t, language)).toList(), summary, diff);
    }

    /** What changed from one version to another, table by table. */
    public VersionDiff diff(String from, String to) {
        return VersionDiff.of(from, to, RuleSetDiff.between(compiled(from).model(), compiled(to).model()));
    }

    private RuleSetView.UploadOutcome outcome(String base, String id, CompiledRuleSet version,
            WorkbookChanges.Merged merged, boolean existing, String detail) {
        VersionDiff diff = VersionDiff.of(base, id, RuleSetDiff.between(registry.pinned(base).model(),
                version.model()));
        return new RuleSetView.UploadOutcome(base, existing, detail, merged.removed(), diff);
    }

    public RuleSetView activate(String id, String actor) {
        RuleSetVersion v = version(id);
        registry.pinned(id);
        registry.refresh();
        ActivationTimeline before = registry.timeline();
        String previous = before.inForceOn(registry.today()).orElse(null);
        store.recordEvent(v.id(), RuleSetEvent.ACTIVATION, previous, actor, before.revision(),
                faults::pauseActivation);
        registry.refresh();
        return view(version(id), null);
    }

    /** Withdraws a version's activations: the version activated before it takes over again. */
    public RuleSetView rollback(String id, String actor) {
        RuleSetVersion v = version(id);
        registry.refresh();
        ActivationTimeline before = registry.timeline();
        if (!before.wasActivated(id)) {
            throw new RuleSetConflictException(id + " is not active, so there is nothing to roll back");
        }
        if (before.activations().stream().allMatch(a -> a.ruleSetId().equals(id))) {
            throw new RuleSetConflictException(id + " is the only version ever activated; activate another version "
                    + "instead of rolling it back");
        }
        String previous = before.inForceOn(registry.today()).orElse(null);
        store.recordEvent(v.id(), RuleSetEvent.ROLLBACK, previous, actor, before.revision(), rolledBack -> { });
        registry.refresh();
        return view(version(id), null);
    }

    /**
     * What activating or rolling back a version would change today, without changing anything: for the console's
     * confirmation pages. Read from the timeline in memory, which may be a poll behind another instance's change; the
     * change itself is checked again against the database.
     *
     * @param inForceBefore the version in force today now, or null
     * @param inForceAfter the version in force today once the change is made, or null
     * @param refusal why the change would be refused, or null when it would be made
     */
    public record Preview(String id, String inForceBefore, String inForceAfter, Refusal refusal) {
    }

    /** Why a rollback would be refused (as {@link #rollback} refuses it). */
    public enum Refusal {
        /** The version is not active: never activated, or rolled back already. */
        NOT_ACTIVE,
        /** It is the only version ever activated: nothing would take over. */
        ONLY_VERSION
    }

    public Preview previewActivation(String id) {
        RuleSetVersion v = version(id);
        ActivationTimeline t = registry.timeline();
        List<ActivationTimeline.Activation> after = new java.util.ArrayList<>(t.activations());
        after.add(new ActivationTimeline.Activation(v.id(), v.effectiveFrom()));
        return preview(v.id(), t, after, null);
    }

    public Preview previewRollback(String id) {
        RuleSetVersion v = version(id);
        ActivationTimeline t = registry.timeline();
        Refusal refusal = !t.wasActivated(id) ? Refusal.NOT_ACTIVE
                : t.activations().stream().allMatch(a -> a.ruleSetId().equals(id)) ? Refusal.ONLY_VERSION : null;
        return preview(v.id(), t, t.activations().stream().filter(a -> !a.ruleSetId().equals(id)).toList(),
                refusal);
    }

    private Preview preview(String id, ActivationTimeline t, List<ActivationTimeline.Activation> after,
            Refusal refusal) {
        LocalDate today = registry.today();
        ActivationTimeline changed = new ActivationTimeline(t.revision(), after, t.everActivated(), t.versions());
        return new Preview(id, t.inForceOn(today).orElse(null), changed.inForceOn(today).orElse(null), refusal);
    }

    public List<RuleSetView> list() {
        return store.versions().stream().map(v -> view(v, null)).toList();
    }

    public RuleSetView find(String id) {
        RuleSetVersion v = version(id);
        return view(v, null, store.events().stream().filter(e -> e.ruleSetId().equals(id)).toList(), null);
    }

    public List<RuleSetEvent> events() {
        return store.events();
    }

    public byte[] workbook(String id, String name) {
        version(id);
        return store.workbook(id, name).orElseThrow(() -> new RuleSetNotFoundException(id + "/workbooks/" + name));
    }

    /** A version's workbooks with their exact bytes, in name order. */
    public List<WorkbookSource> workbooks(String id) {
        version(id);
        return store.workbooks(id);
    }

    /** Compiled models of two versions, for a diff. */
    public CompiledRuleSet compiled(String id) {
        version(id);
        return registry.pinned(id);
    }

    private RuleSetVersion version(String id) {
        return store.version(id).orElseThrow(() -> new RuleSetNotFoundException(id));
    }

    private RuleSetView view(RuleSetVersion v, List<RuleSetView.DiagnosticView> diagnostics) {
        return view(v, diagnostics, null, null);
    }

    private RuleSetView view(RuleSetVersion v, List<RuleSetView.DiagnosticView> diagnostics,
            List<RuleSetEvent> events, RuleSetView.UploadOutcome upload) {
        ActivationTimeline t = registry.timeline();
        String status = v.rolledBack() ? "retired" : !t.wasActivated(v.id()) ? "draft" : t.isLive(v.id()) ? "active"
                : "retired";
        boolean today = t.inForceOn(registry.today()).map(v.id()::equals).orElse(false);
        return new RuleSetView(v.id(), v.contentHash(), v.author(), v.comment(), v.createdAt(), v.effectiveFrom(),
                status, today, v.workbooks(), v.warnings(), v.testsPassed(), diagnostics, events, upload);
    }
}
