package org.beacon.rules.model;

/** Spreadsheet cell coordinates, 1-based as Excel shows them. */
public final class CellRef {

    private CellRef() {
    }

    /** {@code Cholera!C9}. */
    public static String cell(String sheet, int row, int column) {
        return sheet + "!" + columnName(column) + row;
    }

    /** {@code Cholera!R9}. */
    public static String row(String sheet, int row) {
        return sheet + "!R" + row;
    }

    /** 1 → A, 27 → AA. */
    public static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }

    /** {@code C9} → column 3; {@code AA1} → 27. */
    public static int columnOf(String reference) {
        int col = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            col = col * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return col;
    }

    /** {@code C9} → row 9. */
    public static int rowOf(String reference) {
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            i++;
        }
        return Integer.parseInt(reference.substring(i));
    }
}
