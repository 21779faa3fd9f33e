package org.beacon.service.ruleset;

import java.util.List;
import org.beacon.rules.diff.Change;

/**
 * What changed from one version to another, as the diff API and the answer to an upload show it.
 *
 * @param added how many changes add something (an indicator, a table, a row, a test …)
 * @param removed how many remove something
 * @param changed how many change something that both versions have
 * @param changes every difference, table by table; empty when the versions decide and test alike
 */
public record VersionDiff(String from, String to, int added, int removed, int changed, List<Change> changes) {

    public VersionDiff {
        changes = List.copyOf(changes);
    }

    static VersionDiff of(String from, String to, List<Change> changes) {
        return new VersionDiff(from, to, count(changes, "added"), count(changes, "removed"),
                count(changes, "changed"), changes);
    }

    private static int count(List<Change> changes, String kind) {
        return (int) changes.stream().filter(c -> c.kind().equals(kind)).count();
    }
}
