package org.beacon.service.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.workbook.SheetData;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.service.web.AnswerLanguage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.UriUtils;

/**
 * A sheet grid with what surrounds it on a page: the workbooks and their sheets as tabs, the pager, and the links
 * each of them follows. Every link is a plain address (the whole page, for a browser without scripts, and the
 * address kept in the history) and a fragment address htmx fetches to swap only the grid.
 *
 * @param grid the sheet shown; null when the workbook could not be read or has no sheet
 * @param unreadable why the chosen workbook could not be read (its diagnostics), empty otherwise
 * @param download the address of the chosen workbook's exact bytes, or null
 */
record GridView(SheetGrid grid, List<WorkbookTab> workbooks, List<Link> pages, Link previous, Link next,
        List<String> unreadable, String download) {

    /**
     * @param href the whole page, null for the gap in a long pager
     * @param hx the grid alone
     */
    record Link(String label, String href, String hx, boolean current) {

        /** The address htmx keeps in the history: the whole page's, without its fragment. */
        public String push() {
            return href == null ? null : href.replaceFirst("#.*$", "");
        }
    }

    record WorkbookTab(String name, Link link, List<Link> sheets) {
    }

    /**
     * Where a grid's links lead: the whole page at {@code page} and the grid alone at {@code fragment}, both with
     * {@code workbook}, {@code sheet}, {@code page} and {@code cell} parameters, plus any fixed ones.
     *
     * @param anchor the fragment of the whole page's address that shows the grid ({@code grid}), or null
     */
    record Links(String page, String fragment, String anchor, String download) {

        Link link(String label, String workbook, String sheet, int number, String cell, boolean current) {
            return new Link(label, address(page, workbook, sheet, number, cell) + (anchor == null ? "" : "#"
                    + anchor), address(fragment, workbook, sheet, number, cell), current);
        }

        private static String address(String path, String workbook, String sheet, int number, String cell) {
            StringBuilder b = new StringBuilder(path).append(path.contains("?") ? '&' : '?');
            b.append("workbook=").append(query(workbook));
            if (sheet != null) {
                b.append("&sheet=").append(query(sheet));
            }
            if (number > 1) {
                b.append("&page=").append(number);
            }
            if (cell != null) {
                b.append("&cell=").append(query(cell));
            }
            return b.toString();
        }

        /** A workbook's download: the API's address, which a signed-in browser may use. */
        String download(String workbook) {
            return download == null ? null : download + "/" + UriUtils.encodePathSegment(workbook,
                    StandardCharsets.UTF_8);
        }

        /** A query value; a + in a file name must not come back as a space. */
        static String query(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * The grid of a sheet of these workbooks.
     *
     * @param workbook the chosen workbook; the first when null or not one of them
     * @param sheet the chosen sheet; the workbook's first decision table (else its first sheet) when null or absent
     * @param page the page; ignored when {@code focus} names a row, whose page is shown
     * @param focus a cell ({@code C9}) or row ({@code R9}) to focus, or null
     * @param marks the marks of a workbook's sheet
     */
    static GridView of(ReadWorkbooks books, String workbook, String sheet, int page, String focus,
            BiFunction<String, String, GridMarks> marks, Links links) {
        if (books.names().isEmpty()) {
            return new GridView(null, List.of(), List.of(), null, null, List.of(), null);
        }
        String w = books.workbook(workbook).isPresent() ? workbook : books.names().get(0);
        WorkbookContent content = books.workbook(w).orElseThrow();
        String s = chosenSheet(books, w, sheet);
        List<WorkbookTab> tabs = new ArrayList<>();
        for (String name : books.names()) {
            List<Link> sheets = new ArrayList<>();
            if (name.equals(w)) {
                for (SheetData d : content.sheets()) {
                    sheets.add(links.link(d.name(), name, d.name(), 1, null, d.name().equals(s)));
                }
            }
            tabs.add(new WorkbookTab(name, links.link(name, name, null, 1, null, name.equals(w)), sheets));
        }
        if (s == null) {
            Locale language = AnswerLanguage.of(LocaleContextHolder.getLocale());
            return new GridView(null, tabs, List.of(), null, null, content.diagnostics().stream()
                    .map(d -> DiagnosticMessages.message(d, language)).toList(), links.download(w));
        }
        SheetData data = books.sheet(w, s).orElseThrow();
        String f = SheetGrid.isReference(focus) ? focus : null;
        int p = f != null ? SheetGrid.pageOf(SheetGrid.rowOf(f)) : page;
        SheetGrid grid = SheetGrid.of(w, data, p, f, marks.apply(w, s));
        List<Link> pages = new ArrayList<>();
        for (int n = 1; n <= grid.pages() && grid.pages() > 1; n++) {
            // the first, the last and the two around the current one: 100 pages stay one short line
            if (n == 1 || n == grid.pages() || Math.abs(n - grid.page()) <= 2) {
                pages.add(links.link(String.valueOf(n), w, s, n, null, n == grid.page()));
            } else if (pages.isEmpty() || pages.get(pages.size() - 1).href() != null) {
                pages.add(new Link("…", null, null, false));
            }
        }
        Link previous = grid.page() > 1 ? links.link("", w, s, grid.page() - 1, null, false) : null;
        Link next = grid.page() < grid.pages() ? links.link("", w, s, grid.page() + 1, null, false) : null;
        return new GridView(grid, tabs, pages, previous, next, List.of(), links.download(w));
    }

    private static String chosenSheet(ReadWorkbooks books, String workbook, String sheet) {
        WorkbookContent content = books.workbook(workbook).orElseThrow();
        if (content.sheets().isEmpty()) {
            return null;
        }
        if (sheet != null) {
            var named = books.sheetName(workbook, sheet);
            if (named.isPresent()) {
                return named.get();
            }
        }
        return content.sheets().stream().filter(d -> SheetLayout.of(d).propertiesEnd() > 0).findFirst()
                .orElse(content.sheets().get(0)).name();
    }
}
