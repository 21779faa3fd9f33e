package org.beacon.rules.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams one worksheet's XML into cells, keeping raw values (not display formats) and stopping as soon as a limit
 * is passed, so a sheet of a million rows costs no more memory than the limit allows.
 */
final class SheetXmlHandler extends DefaultHandler {

    /** Thrown to stop parsing once a limit is exceeded; carries no stack trace. */
    static final class LimitExceeded extends SAXException {
        LimitExceeded(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    // Excel stores doubles; 15 significant digits is what it shows and what experts typed.
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final SharedStrings sharedStrings;
    private final WorkbookLimits limits;
    private final NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows = new TreeMap<>();
    private final StringBuilder value = new StringBuilder();

    private int rowCount;
    private int currentRow;
    private String cellRef;
    private String cellType;
    private boolean formula;
    private boolean inValue;
    private boolean inInlineText;

    SheetXmlHandler(SharedStrings sharedStrings, WorkbookLimits limits) {
        this.sharedStrings = sharedStrings;
        this.limits = limits;
    }

    NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows() {
        return rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        switch (localName) {
            case "row" -> {
                String r = atts.getValue("r");
                currentRow = r != null ? Integer.parseInt(r) : currentRow + 1;
                if (++rowCount > limits.maxRowsPerSheet() || currentRow > 1_048_576) {
                    throw new LimitExceeded("more than " + limits.maxRowsPerSheet() + " rows");
                }
            }
            case "c" -> {
                cellRef = atts.getValue("r");
                cellType = atts.getValue("t");
                formula = false;
                value.setLength(0);
            }
            case "v" -> inValue = true;
            case "t" -> inInlineText = "inlineStr".equals(cellType);
            case "f" -> formula = true;
            default -> {
                // other elements (styles, merged cells, drawings) carry nothing Beacon reads
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (inValue || inInlineText) {
            if (value.length() + length > Math.max(limits.maxCellChars(), 64) * 4L) {
                throw new LimitExceeded("a cell longer than " + limits.maxCellChars() + " characters");
            }
            value.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v" -> inValue = false;
            case "t" -> inInlineText = false;
            case "c" -> addCell();
            default -> {
                // nothing to close
            }
        }
    }

    private void addCell() throws SAXException {
        if (cellRef == null || (value.isEmpty() && !formula)) {
            return;
        }
        int row = CellRef.rowOf(cellRef);
        int column = CellRef.columnOf(cellRef);
        String raw = value.toString();
        String text;
        BigDecimal number = null;
        String type = cellType == null ? "n" : cellType;
        switch (type) {
            case "s" -> text = sharedStrings.getItemAt(Integer.parseInt(raw.trim())).getString();
            case "b" -> text = "1".equals(raw.trim()) ? "TRUE" : "FALSE";
            case "e" -> text = "#ERROR " + raw;
            case "n" -> {
                try {
                    number = new BigDecimal(raw.trim()).round(EXCEL_PRECISION).stripTrailingZeros();
                    if (number.scale() < 0) {
                        number = number.setScale(0);
                    }
                    text = number.toPlainString();
                } catch (NumberFormatException e) {
                    text = raw;
                }
            }
            default -> text = raw; // str, inlineStr, d
        }
        if (text.length() > limits.maxCellChars()) {
            throw new LimitExceeded("cell " + cellRef + " is longer than " + limits.maxCellChars() + " characters");
        }
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new RawCell(row, column, text, number, formula));
    }
}
