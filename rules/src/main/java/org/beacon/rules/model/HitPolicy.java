package org.beacon.rules.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a table turns its matching rows into its answer. */
public enum HitPolicy {
    /** The first matching row, top to bottom. */
    FIRST_MATCH("first match"),
    /**
     * Of the matching rows, the one with the most serious grade (rows without a grade: the most serious warning
     * colour); on a tie the upper one.
     */
    HIGHEST_GRADE("highest grade"),
    /** Every matching row. */
    COLLECT_ALL("collect all");

    private final String label;

    HitPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The rows that answer, given the rows that matched.
     *
     * @param matching matching rows, top to bottom
     */
    public List<Rule> select(List<Rule> matching) {
        if (matching.isEmpty()) {
            return matching;
        }
        return switch (this) {
            case FIRST_MATCH -> List.of(matching.get(0));
            case COLLECT_ALL -> matching;
            case HIGHEST_GRADE -> {
                Rule best = matching.get(0);
                for (Rule r : matching) {
                    if (r.grade() != null && (best.grade() == null || r.grade().isMoreSeriousThan(best.grade()))) {
                        best = r;
                    } else if (r.grade() == null && best.grade() == null && r.colour() != null
                            && (best.colour() == null || r.colour().isMoreSeriousThan(best.colour()))) {
                        best = r; // rows that give only a warning colour compete on it
                    }
                }
                yield List.of(best);
            }
        };
    }

    public static Optional<HitPolicy> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        return switch (t) {
            case "first match", "first", "首条命中", "首条" -> Optional.of(FIRST_MATCH);
            case "highest grade", "highest", "最高级别", "最高级", "最高" -> Optional.of(HIGHEST_GRADE);
            case "collect all", "collect", "all", "全部命中", "全部" -> Optional.of(COLLECT_ALL);
            default -> Optional.empty();
        };
    }
}
