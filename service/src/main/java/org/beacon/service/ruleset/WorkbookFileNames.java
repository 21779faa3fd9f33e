package org.beacon.service.ruleset;

import java.util.Locale;
import org.beacon.service.web.QuotedInput;

/**
 * Which file names a version's workbooks may have. A version keeps each workbook under its uploaded name, shows it
 * in diagnostics and gives it back at {@code GET /rule-sets/{id}/workbooks/{name}} and as the downloaded file's
 * name, so a name must be a plain {@code .xlsx} file name that survives all three: no folders ({@code /}, {@code \},
 * {@code ..}), no {@code %} or {@code ;} (the request firewall refuses them in a path, so such a workbook could
 * never be downloaded), no quotes, none of the characters Windows forbids in a file name ({@code < > : | ? *}), no
 * control, format (bidirectional overrides), line-separator or unusual space characters, no leading dot or space,
 * and at most 200 characters. Letters of every script, digits, spaces and other punctuation are fine.
 * Thread-safe: holds no state.
 */
final class WorkbookFileNames {

    static final int MAX_LENGTH = 200;
    private static final String FORBIDDEN = "/\\%;\"'<>:|?*";

    private WorkbookFileNames() {
    }

    /** Why {@code name} is refused, for a 400 naming the file; null when it is accepted. */
    static String refusal(String name) {
        if (name.isEmpty()) {
            return "each file needs a file name ending in .xlsx";
        }
        String shown = "'" + QuotedInput.shorten(printable(name)) + "'";
        if (name.length() > MAX_LENGTH) {
            return shown + " is longer than " + MAX_LENGTH + " characters; use a shorter .xlsx file name";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls") || lower.endsWith(".xlsm") || lower.endsWith(".xlsb")) {
            return shown + ": only .xlsx workbooks are accepted (.xls is Excel 97–2003, .xlsm carries macros, "
                    + ".xlsb is binary); save it in Excel as Excel Workbook (.xlsx)";
        }
        if (!lower.endsWith(".xlsx") || name.length() == ".xlsx".length()) {
            return shown + " is not a .xlsx file name; upload Excel workbooks (.xlsx) only";
        }
        if (name.startsWith(".") || name.startsWith(" ")) {
            return shown + " starts with a " + (name.startsWith(".") ? "dot" : "space") + "; use a plain .xlsx "
                    + "file name";
        }
        int refused = name.codePoints().filter(WorkbookFileNames::refused).findFirst().orElse(-1);
        if (refused >= 0) {
            return shown + " contains " + describe(refused) + "; a workbook's name is a plain .xlsx file name "
                    + "without folders, %, ;, quotes, < > : | ? * or control characters";
        }
        return null;
    }

    private static boolean refused(int c) {
        if (FORBIDDEN.indexOf(c) >= 0) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            case Character.SPACE_SEPARATOR -> c != ' ';
            default -> false;
        };
    }

    /** {@code '%'}, or {@code U+202E} for a character that does not show. */
    private static String describe(int c) {
        return c < 0x7f && c > ' ' ? "'" + Character.toString(c) + "'" : String.format("U+%04X", c);
    }

    /** The name with every refused character other than visible ASCII written as U+XXXX, fit to quote back. */
    private static String printable(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().forEach(c -> s.append(refused(c) && !(c > ' ' && c < 0x7f) ? String.format("U+%04X", c)
                : Character.toString(c)));
        return s.toString();
    }
}
