package org.beacon.rules.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.xssf.model.SharedStrings;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.WorkbookLimits;
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
        private final transient Message text;
        private final String cell;

        /** @param cell the cell over the limit ({@code C9}), or null when the whole sheet is */
        LimitExceeded(Message text, String cell) {
            super(DiagnosticMessages.english(text));
            this.text = text;
            this.cell = cell;
        }

        Message text() {
            return text;
        }

        String cell() {
            return cell;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    // Excel stores doubles; 15 significant digits is what it shows and what experts typed.
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    // Excel's longest formula; longer formula text is not kept (it is never evaluated anyway).
    private static final int MAX_FORMULA_CHARS = 8192;
    // [1]Sheet1!A1: a reference into the first external workbook the file links to.
    private static final Pattern EXTERNAL_REFERENCE = Pattern.compile("\\[\\d+]");
    // Merges are only shown, never read; a sheet with more is shown without the rest rather than refused.
    private static final int MAX_MERGES = 10_000;

    private final SharedStrings sharedStrings;
    private final WorkbookLimits limits;
    private final NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows = new TreeMap<>();
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formulaText = new StringBuilder();
    private final List<String> externalReferences = new ArrayList<>();
    private final List<MergedRange> merges = new ArrayList<>();

    private int rowCount;
    private int currentRow;
    private String cellRef;
    private String cellType;
    private boolean formula;
    private boolean inValue;
    private boolean inInlineText;
    private boolean inFormula;

    SheetXmlHandler(SharedStrings sharedStrings, WorkbookLimits limits) {
        this.sharedStrings = sharedStrings;
        this.limits = limits;
    }

    NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows() {
        return rows;
    }

    /** The merged cells, for showing the sheet. */
    List<MergedRange> merges() {
        return merges;
    }

    /** Cells ({@code C9}) whose formula reads another workbook. */
    List<String> externalReferences() {
        return externalReferences;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        switch (localName) {
            case "row" -> {
                String r = atts.getValue("r");
                currentRow = r != null ? Integer.parseInt(r) : currentRow + 1;
                if (++rowCount > limits.maxRowsPerSheet() || currentRow > 1_048_576) {
                    throw new LimitExceeded(Message.of("phrase.moreRows", limits.maxRowsPerSheet()), null);
                }
            }
            case "c" -> {
                cellRef = atts.getValue("r");
                cellType = atts.getValue("t");
                formula = false;
                value.setLength(0);
                formulaText.setLength(0);
            }
            case "v" -> inValue = true;
            case "mergeCell" -> {
                if (merges.size() < MAX_MERGES) {
                    MergedRange.parse(atts.getValue("ref")).ifPresent(merges::add);
                }
            }
            case "t" -> inInlineText = "inlineStr".equals(cellType);
            case "f" -> {
                formula = true;
                inFormula = true;
            }
            default -> {
                // other elements (styles, drawings) carry nothing Beacon reads
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (inValue || inInlineText) {
            if (value.length() + length > Math.max(limits.maxCellChars(), 64) * 4L) {
                throw new LimitExceeded(tooLong(), cellRef);
            }
            value.append(ch, start, length);
        } else if (inFormula && formulaText.length() + length <= MAX_FORMULA_CHARS) {
            formulaText.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v" -> inValue = false;
            case "t" -> inInlineText = false;
            case "f" -> inFormula = false;
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
        if (formula && EXTERNAL_REFERENCE.matcher(formulaText).find()) {
            externalReferences.add(cellRef);
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
            throw new LimitExceeded(tooLong(), cellRef);
        }
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new RawCell(row, column, text, number, formula));
    }

    private Message tooLong() {
        return Message.of("WORKBOOK_TOO_LARGE.cellText", limits.maxCellChars());
    }
}
