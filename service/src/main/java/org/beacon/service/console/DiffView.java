package org.beacon.service.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.diff.Change;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.workbook.SheetData;
import org.beacon.service.ruleset.VersionDiff;

/**
 * A diff between two versions as a reviewer reads it: for each table whose rows changed, the rows side by side (the
 * version before on the left, after on the right) with the changed cells marked, added rows only on the right and
 * removed rows only on the left, each with the diff's sentence; every other change (indicators, parameters,
 * colours, actions, test rows, tables) in a list. Rows and cells are read from the two versions' workbooks, the
 * pairing of rows from the diff itself ({@code RuleSetDiff} matches rows by content, not position).
 *
 * @param tables the tables whose rows changed, in the order the diff names them
 * @param others every change that is not a table row
 */
record DiffView(String from, String to, int added, int removed, int changed, List<TableDiff> tables,
        List<Item> others) {

    private static final Pattern ROW = Pattern.compile("(.+)!R(\\d+)");
    private static final Pattern TEST = Pattern.compile("(?i)(.+?\\.xlsx) (.+)!R(\\d+)");
    private static final Pattern MOVED = Pattern.compile("was (.+)!R(\\d+); (.*)", Pattern.DOTALL);

    /** Where a side's rows link to: the address of a row ({@code R9}) of a workbook's sheet. */
    @FunctionalInterface
    interface RowLinks {
        String href(String workbook, String sheet, int row);
    }

    /**
     * The rows of one table that changed, with only the columns that changed in some row (a table is as wide as ten
     * columns or more, and two of them side by side would not fit): a changed row's changed cells, an added or
     * removed row's cells with text. Each row links to the whole row in its version's grid.
     *
     * @param hidden how many columns are not shown because no row changed in them
     */
    record TableDiff(String sheet, List<String> columns, Side headerBefore, Side headerAfter, List<Pair> pairs,
            int hidden) {
    }

    /** A row before and after; one side is null for an added or removed row. */
    record Pair(String kind, Side before, Side after, String description) {
    }

    record Side(int row, String href, List<DiffCell> cells) {
    }

    record DiffCell(String text, boolean changed) {
    }

    /** @param href the row or sheet the change is at, or null */
    record Item(String kind, String subject, String where, String href, String description) {

        /** The message key of its kind: {@code change.added} … */
        public String kindLabel() {
            return "change." + kind;
        }

        /** The message key of what changed: {@code subject.indicator} … */
        public String subjectLabel() {
            return "subject." + subject;
        }
    }

    public boolean isEmpty() {
        return tables.isEmpty() && others.isEmpty();
    }

    static DiffView of(VersionDiff diff, ReadWorkbooks before, ReadWorkbooks after, RowLinks beforeLinks,
            RowLinks afterLinks) {
        Map<String, List<Pair>> rows = new LinkedHashMap<>();
        List<Item> others = new ArrayList<>();
        for (Change c : diff.changes()) {
            Matcher row = ROW.matcher(c.where());
            if (c.subject().equals("row") && row.matches()) {
                String sheet = row.group(1);
                int number = Integer.parseInt(row.group(2));
                pair(c, sheet, number, before, after, beforeLinks, afterLinks)
                        .ifPresentOrElse(p -> rows.computeIfAbsent(sheet, s -> new ArrayList<>()).add(p),
                                () -> others.add(item(c, null)));
            } else {
                others.add(item(c, href(c, before, after, beforeLinks, afterLinks)));
            }
        }
        List<TableDiff> tables = new ArrayList<>();
        rows.forEach((sheet, pairs) -> tables.add(table(sheet, pairs, before, after, beforeLinks, afterLinks)));
        return new DiffView(diff.from(), diff.to(), diff.added(), diff.removed(), diff.changed(), tables, others);
    }

    private static Optional<Pair> pair(Change c, String sheet, int row, ReadWorkbooks before, ReadWorkbooks after,
            RowLinks beforeLinks, RowLinks afterLinks) {
        Optional<SheetData> old = before.workbookOf(sheet).flatMap(w -> before.sheet(w, sheet));
        Optional<SheetData> now = after.workbookOf(sheet).flatMap(w -> after.sheet(w, sheet));
        Matcher moved = MOVED.matcher(c.description());
        boolean wasElsewhere = c.kind().equals("changed") && moved.matches() && moved.group(1).equals(sheet);
        String description = wasElsewhere ? moved.group(3) : c.description();
        int oldRow = wasElsewhere ? Integer.parseInt(moved.group(2)) : row;
        return switch (c.kind()) {
            case "added" -> now.map(n -> new Pair("added", null, side(n, row, null, afterLinks, after), description));
            case "removed" -> old.map(o -> new Pair("removed", side(o, row, null, beforeLinks, before), null,
                    description));
            default -> {
                if (old.isEmpty() || now.isEmpty()) {
                    yield Optional.empty();
                }
                int from = oldRow;
                yield Optional.of(new Pair("changed", side(old.get(), from, now.get().row(row), beforeLinks, before),
                        side(now.get(), row, old.get().row(from), afterLinks, after), description));
            }
        };
    }

    /**
     * A row's cells; with {@code other} (the same row on the other side) a cell whose text differs is marked, and
     * without it (an added or removed row) every cell with text is.
     */
    private static Side side(SheetData sheet, int row, Map<Integer, org.beacon.rules.workbook.RawCell> other,
            RowLinks links, ReadWorkbooks books) {
        int width = Math.max(last(sheet.row(row)), other == null ? 0 : last(other));
        List<DiffCell> cells = new ArrayList<>();
        for (int col = 1; col <= width; col++) {
            String text = sheet.text(row, col);
            String was = other == null ? "" : other.get(col) == null ? "" : other.get(col).text().trim();
            cells.add(new DiffCell(text, other == null ? !text.isEmpty() : !text.equals(was)));
        }
        String workbook = books.workbookOf(sheet.name()).orElse("");
        return new Side(row, links.href(workbook, sheet.name(), row), cells);
    }

    private static int last(Map<Integer, org.beacon.rules.workbook.RawCell> row) {
        return row.entrySet().stream().filter(e -> !e.getValue().text().isBlank()).mapToInt(Map.Entry::getKey)
                .max().orElse(0);
    }

    private static TableDiff table(String sheet, List<Pair> pairs, ReadWorkbooks before, ReadWorkbooks after,
            RowLinks beforeLinks, RowLinks afterLinks) {
        Side headerBefore = header(before, sheet, beforeLinks);
        Side headerAfter = header(after, sheet, afterLinks);
        int width = sides(pairs, headerBefore, headerAfter).stream().mapToInt(s -> s.cells().size()).max()
                .orElse(0);
        List<Pair> sorted = pairs.stream().sorted(Comparator.comparingInt(p -> p.after() != null ? p.after().row()
                : p.before().row())).map(p -> padded(p, width)).toList();
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            if (sorted.stream().anyMatch(p -> changedAt(p.before(), column) || changedAt(p.after(), column))) {
                shown.add(c);
            }
        }
        List<String> columns = shown.stream().map(c -> CellRef.columnName(c + 1)).toList();
        return new TableDiff(sheet, columns, only(pad(headerBefore, width), shown), only(pad(headerAfter, width),
                shown), sorted.stream().map(p -> new Pair(p.kind(), only(p.before(), shown), only(p.after(), shown),
                p.description())).toList(), width - shown.size());
    }

    private static boolean changedAt(Side s, int column) {
        return s != null && column < s.cells().size() && s.cells().get(column).changed();
    }

    /** The side with only these columns (0-based). */
    private static Side only(Side s, List<Integer> columns) {
        return s == null ? null : new Side(s.row(), s.href(), columns.stream().map(c -> s.cells().get(c)).toList());
    }

    private static List<Side> sides(List<Pair> pairs, Side... headers) {
        List<Side> sides = new ArrayList<>();
        for (Side h : headers) {
            if (h != null) {
                sides.add(h);
            }
        }
        pairs.forEach(p -> {
            if (p.before() != null) {
                sides.add(p.before());
            }
            if (p.after() != null) {
                sides.add(p.after());
            }
        });
        return sides;
    }

    private static Pair padded(Pair p, int width) {
        return new Pair(p.kind(), pad(p.before(), width), pad(p.after(), width), p.description());
    }

    /** Every side as wide as the table, so the two halves line up column by column. */
    private static Side pad(Side s, int width) {
        if (s == null || s.cells().size() >= width) {
            return s;
        }
        List<DiffCell> cells = new ArrayList<>(s.cells());
        while (cells.size() < width) {
            cells.add(new DiffCell("", false));
        }
        return new Side(s.row(), s.href(), cells);
    }

    private static Side header(ReadWorkbooks books, String sheet, RowLinks links) {
        return books.workbookOf(sheet).flatMap(w -> books.sheet(w, sheet)).map(s -> {
            int row = SheetLayout.of(s).header();
            if (row == 0) {
                return null;
            }
            List<DiffCell> cells = new ArrayList<>();
            for (int c = 1; c <= last(s.row(row)); c++) {
                cells.add(new DiffCell(s.text(row, c), false));
            }
            return new Side(row, links.href(books.workbookOf(sheet).orElse(""), sheet, row), cells);
        }).orElse(null);
    }

    private static Item item(Change c, String href) {
        return new Item(c.kind(), c.subject(), c.where(), href, c.description());
    }

    /** A test row or a table links to where it is now (or was, when removed); other changes to nothing. */
    private static String href(Change c, ReadWorkbooks before, ReadWorkbooks after, RowLinks beforeLinks,
            RowLinks afterLinks) {
        ReadWorkbooks books = c.kind().equals("removed") ? before : after;
        RowLinks links = c.kind().equals("removed") ? beforeLinks : afterLinks;
        Matcher test = TEST.matcher(c.where());
        if (c.subject().equals("test") && test.matches()) {
            return books.sheet(test.group(1), test.group(2)).isPresent()
                    ? links.href(test.group(1), test.group(2), Integer.parseInt(test.group(3))) : null;
        }
        if (c.subject().equals("table")) {
            return books.workbookOf(c.where()).map(w -> links.href(w, c.where(), 1)).orElse(null);
        }
        return null;
    }
}
