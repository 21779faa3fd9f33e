package org.beacon.service.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README, of {@code docs/} and of {@code tables/README.md} leads somewhere: to a file or
 * folder of the repository and, with {@code #anchor}, to a heading of that Markdown file, named as GitHub names it.
 */
class DocumentLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkOfTheDocumentsLeadsToAFileAndHeadingThatExist() throws IOException {
        Path root = Workbooks.root();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("tables/README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            for (String target : links(document)) {
                checked++;
                String problem = problem(root, document, target);
                if (problem != null) {
                    broken.add(root.relativize(document) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(checked).as("links found").isGreaterThan(20);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void namesHeadingsAsGitHubDoes() {
        assertThat(anchors(List.of("## An expert's round trip", "### What Beacon refuses or ignores, and why",
                "## `Tests` sheets", "## Limits", "## Limits", "```", "# not a heading", "```")))
                .containsExactlyInAnyOrder("an-experts-round-trip", "what-beacon-refuses-or-ignores-and-why",
                        "tests-sheets", "limits", "limits-1");
    }

    private static String problem(Path root, Path document, String target) throws IOException {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return null; // http:, https:, mailto: — outside the repository
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root)) {
            return "leads outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md")
                && !anchors(Files.readAllLines(resolved)).contains(anchor)) {
            return "no heading #" + anchor + " in " + root.relativize(resolved);
        }
        return null;
    }

    private static List<String> links(Path document) throws IOException {
        List<String> links = new ArrayList<>();
        for (String line : proseLines(Files.readAllLines(document))) {
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll("code"));
            while (m.find()) {
                links.add(m.group(1));
            }
        }
        return links;
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(lines)) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String text = m.group(1).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replace("`", "");
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}_ -]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    /** The lines outside fenced code blocks. */
    private static List<String> proseLines(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.add(line);
            }
        }
        return prose;
    }
}
