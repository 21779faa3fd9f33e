package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.MessagePatterns.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.security.Role;
import org.junit.jupiter.api.Test;

/**
 * Every text of the console exists in English and in Chinese: both bundles have the same keys, each pattern takes
 * the same arguments in both, every key a template names is there, and so is every key the pages build from a
 * value (a page, a state, a role, an event, a colour, a status).
 */
class ConsoleMessagesTest {

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[(}]");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/console/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryKeyWithTheSameArguments() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh.properties");
        assertThat(new TreeSet<>(chinese.stringPropertyNames())).isEqualTo(new TreeSet<>(english
                .stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(chinese.getProperty(key))).as(key).isEqualTo(arguments(english.getProperty(key)));
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
            new MessageFormat(english.getProperty(key));
            new MessageFormat(chinese.getProperty(key));
        }
    }

    @Test
    void theChineseBundleIsChinese() throws IOException {
        Properties chinese = bundle("messages_zh.properties");
        List<String> untranslated = new ArrayList<>();
        for (String key : chinese.stringPropertyNames()) {
            String text = chinese.getProperty(key);
            if (!key.equals("product.name") && text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN) && !text.matches("\\{0}.*")) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameIsInTheBundles() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        Path templates = Path.of("src/main/resources/templates/console");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path f : files.toList()) {
                Matcher m = STATIC_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(keys).containsAll(named);
    }

    @Test
    void everyKeyBuiltFromAValueIsInTheBundles() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        List<String> built = new ArrayList<>();
        for (ConsolePage p : ConsolePage.values()) {
            built.add(p.label());
            if (p != ConsolePage.HOME) {
                built.add(p.label() + ".description");
            }
        }
        for (RuleSetOverview.State s : RuleSetOverview.State.values()) {
            built.add(s.label());
        }
        for (Role r : Role.values()) {
            SignedInUser u = new SignedInUser("x", r);
            built.add(u.roleLabel());
            built.add(u.roleDescription());
        }
        SignedInUser none = new SignedInUser("x", null);
        built.add(none.roleLabel());
        built.add(none.roleDescription());
        for (String kind : List.of("activation", "rollback")) {
            built.add("event." + kind);
        }
        for (WarningColour c : WarningColour.values()) {
            built.add("colour." + c.code());
        }
        // the decision, activation and users pages (issue 20 items 6-8)
        for (String field : List.of(DecisionForm.EVENT_TYPE, DecisionForm.REGION_CODE, DecisionForm.REGION_NAME,
                DecisionForm.REGION_LEVEL, DecisionForm.AS_OF)) {
            built.add("decisions.field." + field);
            built.add("decisions.field." + field + ".hint");
        }
        for (org.beacon.rules.model.AdminLevel l : org.beacon.rules.model.AdminLevel.values()) {
            built.add("level." + l.code());
        }
        for (String output : List.of("startDecidedBy", "terminationProposedBy", "terminationApprovedBy",
                "terminationReportTo")) {
            built.add("output." + output);
        }
        for (String tag : List.of("V", "C", "M")) {
            built.add("tag." + tag);
        }
        // the replay pages (issue 24): a run's status and a transition's kind, as the replay API names them
        for (String status : List.of("queued", "running", "done", "failed")) {
            built.add("replays.status." + status);
        }
        for (String kind : List.of("activate", "raise", "lower", "end")) {
            built.add("replay.kind." + kind);
        }
        built.addAll(List.of("answer.termination.mayEnd", "answer.termination.continue", "decisions.error.date",
                "decisions.error.empty", "decisions.error.tooLong", "decisions.error.notObject"));
        for (String kind : List.of("activation", "rollback")) {
            for (String text : List.of("title", "lead", "confirm")) {
                built.add("change." + kind + "." + text);
            }
            built.add("change.done." + kind);
        }
        for (org.beacon.service.ruleset.RuleSetService.Refusal r
                : org.beacon.service.ruleset.RuleSetService.Refusal.values()) {
            built.add("change.refusal." + r.name());
        }
        built.addAll(List.of("change.raced", "change.refused", "change.busy"));
        for (String kind : List.of("added", "removed", "changed")) {
            built.add("diff.kind." + kind);
        }
        for (String subject : List.of("indicator", "parameter", "action", "colour", "table", "row", "test")) {
            built.add("diff.subject." + subject);
        }
        for (Role r : Role.values()) {
            built.add("users.role." + r.id());
        }
        for (String refusal : List.of("username", "taken", "role", "lastAdmin")) {
            built.add("users.error." + refusal);
        }
        for (String done : List.of("created", "role", "enabled", "disabled", "password")) {
            built.add("users.done." + done);
        }
        for (String kind : List.of("added", "removed", "changed")) {
            built.add(new DiffView.Item(kind, "row", "", null, "").kindLabel());
        }
        for (String subject : List.of("indicator", "parameter", "action", "colour", "table", "row", "test")) {
            built.add(new DiffView.Item("added", subject, "", null, "").subjectLabel());
        }
        for (String severity : List.of("error", "warning", "info")) {
            built.add(new CheckView.Finding(severity, "", "", null, null, "", "", null).severityLabel());
        }
        built.add("test.failed");
        for (int status : List.of(403, 404, 500)) {
            built.add("problem." + status + ".title");
            built.add("problem." + status + ".detail");
        }
        assertThat(keys).containsAll(built);
    }
}
