package org.beacon.rules.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the cells of an {@code .xlsx} workbook without evaluating anything: no formulas, no macros, no external
 * links, no DOCTYPE. Streams each sheet so memory stays bounded by {@link WorkbookLimits}, and turns every way a
 * file can be unusable (old format, macros, password, corruption, zip bomb, size, links to other files) into a
 * diagnostic instead of an exception. Thread-safe: holds no state between calls.
 */
public final class WorkbookReader {

    private static final Logger log = LoggerFactory.getLogger(WorkbookReader.class);

    private final WorkbookLimits limits;

    public WorkbookReader(WorkbookLimits limits) {
        this.limits = limits;
        capPoiEntrySize(2 * limits.maxXmlBytes());
    }

    /**
     * POI reads a few parts itself before Beacon sees a sheet (content types and relationships into a DOM, the
     * workbook part), and reads every entry into memory when a zip's directory is damaged; only its max entry size
     * (4 GB by default) bounds those. That setting is JVM-global: it is lowered here, never raised, and kept above
     * Beacon's own XML budget so that the budget, whose message names the sheet, trips first on the parts Beacon
     * reads.
     */
    private static synchronized void capPoiEntrySize(long bytes) {
        if (ZipSecureFile.getMaxEntrySize() > bytes) {
            ZipSecureFile.setMaxEntrySize(bytes);
        }
    }

    public WorkbookContent read(WorkbookSource source) {
        String name = source.name();
        byte[] bytes = source.bytes();
        if (bytes.length > limits.maxFileBytes()) {
            return refused(name, Message.of("WORKBOOK_TOO_LARGE.file", bytes.length / 1024,
                    limits.maxFileBytes() / 1024));
        }
        if (bytes.length == 0) {
            return refused(name, Message.of("UNREADABLE_WORKBOOK.empty"));
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return refused(name, Message.of("UNREADABLE_WORKBOOK.unreadable"));
        }
        return switch (magic) {
            case OOXML -> readOoxml(name, bytes);
            case OLE2 -> refuseOle2(name, bytes);
            default -> refused(name, Message.of("UNREADABLE_WORKBOOK.notExcel"));
        };
    }

    /** An OLE2 container is either an old binary .xls or an encrypted (password-protected) .xlsx. */
    private WorkbookContent refuseOle2(String name, byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                return refused(name, Message.of("PASSWORD_PROTECTED"));
            }
        } catch (IOException | RuntimeException e) {
            return refused(name, Message.of("UNREADABLE_WORKBOOK.damagedOle2"));
        }
        return refused(name, Message.of("OLD_EXCEL_FORMAT"));
    }

    private WorkbookContent readOoxml(String name, byte[] bytes) {
        Path temp = null;
        XmlBudget budget = new XmlBudget(limits.maxXmlBytes());
        try {
            // A file lets POI read zip entries one at a time instead of inflating all of them into memory.
            temp = Files.createTempFile("beacon-workbook-", ".xlsx");
            Files.write(temp, bytes);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                return readPackage(name, pkg, budget);
            }
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            log.debug("workbook {} unreadable", name, e);
            if (budget.exceeded()) {
                return tooMuchXml(name, "");
            }
            return refused(name, describe(e));
        } finally {
            deleteQuietly(temp);
        }
    }

    private WorkbookContent readPackage(String name, OPCPackage pkg, XmlBudget budget)
            throws IOException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        List<String> linkedFiles = new ArrayList<>();
        Map<String, PackagePart> sheetParts = new LinkedHashMap<>();
        WorkbookContent refusedPart = checkParts(name, pkg, budget, linkedFiles, sheetParts);
        if (refusedPart != null) {
            return refusedPart;
        }
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings;
        try {
            strings = sharedStrings(pkg, budget);
        } catch (SAXException e) {
            return budget.exceeded() ? tooMuchXml(name, "")
                    : refused(name, Message.of("UNREADABLE_WORKBOOK.sharedStrings"));
        }
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        List<SheetData> sheets = new ArrayList<>();
        List<Diagnostic> links = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                String sheetName = it.getSheetName();
                if (sheets.size() >= limits.maxSheets()) {
                    return refused(name, Message.of("WORKBOOK_TOO_LARGE.sheets", limits.maxSheets()));
                }
                // Excel never writes two sheets whose names differ only in case, but an edited xl/workbook.xml
                // can; rule ids and test sheets name tables by sheet, so one of the two would be lost
                Integer first = positions.putIfAbsent(sheetName.toLowerCase(Locale.ROOT), sheets.size());
                if (first != null) {
                    return located(name, sheetName, Message.of("DUPLICATE_SHEET.ignoringCase", first + 1,
                            sheets.get(first).name(), sheets.size() + 1, sheetName));
                }
                SheetXmlHandler handler = new SheetXmlHandler(strings, limits);
                WorkbookContent unreadable = parseSheet(name, sheetName, in, handler, budget);
                if (unreadable != null) {
                    return unreadable;
                }
                handler.externalReferences().forEach(cell -> links.add(ExternalLinks.cellReadsLinkedFile(name,
                        CellRef.cell(sheetName, CellRef.rowOf(cell), CellRef.columnOf(cell)), linkedFiles)));
                sheets.add(new SheetData(sheetName, handler.rows(), handler.merges()));
                sheetParts.remove(it.getSheetPart().getPartName().getName());
            }
        }
        return content(name, budget, sheets, sheetParts.values(), linkedFiles, links);
    }

    /** Parses one sheet's XML into {@code handler}; returns why it cannot be read (too large, damaged), or null. */
    private WorkbookContent parseSheet(String name, String sheetName, InputStream in, SheetXmlHandler handler,
            XmlBudget budget) throws IOException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(budget.count(in)));
            return null;
        } catch (SheetXmlHandler.LimitExceeded e) {
            return e.cell() == null
                    ? located(name, sheetName, Message.of("WORKBOOK_TOO_LARGE.sheet", sheetName, e.text()))
                    : located(name, sheetName + "!" + e.cell(), e.text());
        } catch (SAXException | ParserConfigurationException e) {
            // the parser refuses DOCTYPEs, so entity tricks (external entities, billion laughs) end here
            log.debug("sheet {} of {} unreadable", sheetName, name, e);
            return budget.exceeded() ? tooMuchXml(name, sheetName)
                    : located(name, sheetName, Message.of("UNREADABLE_WORKBOOK.sheet", sheetName));
        } catch (IOException e) {
            if (budget.exceeded()) {
                return tooMuchXml(name, sheetName);
            }
            throw e; // POI's zip checks (inflate ratio, entry size): described for the whole file
        }
    }

    /**
     * Every part but the sheets, before anything is parsed: macros and binary sheets refuse the workbook, a link to
     * another file is noted in {@code linkedFiles}, a part that is not plain XML refuses it, and the sheet parts are
     * kept in {@code sheetParts} to be checked as they are read. Returns the refusal, or null.
     */
    private WorkbookContent checkParts(String name, OPCPackage pkg, XmlBudget budget, List<String> linkedFiles,
            Map<String, PackagePart> sheetParts) throws IOException, InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            String type = part.getContentType();
            if (type.contains("macroEnabled") || type.contains("vbaProject")
                    || part.getPartName().getName().toLowerCase().endsWith("vbaproject.bin")) {
                return refused(name, Message.of("MACROS_NOT_ALLOWED"));
            }
            if (type.contains("sheet.binary")) {
                return refused(name, Message.of("UNREADABLE_WORKBOOK.binary"));
            }
            if (type.equals(XSSFRelation.EXTERNAL_LINKS.getContentType())) {
                linkedFiles.add(ExternalLinks.linkedFile(part));
            }
            if (isSheet(type)) {
                sheetParts.put(part.getPartName().getName(), part); // checked when read, to name the sheet
            } else if (isXml(type) && !isPlainXml(part, budget)) {
                return notPlainXml(name, part, budget);
            }
        }
        return null;
    }

    /**
     * The workbook read: refused when a sheet part the workbook does not list is not plain XML, when it links to
     * other files (naming the cells that read them, if any) or when it has no sheet.
     */
    private WorkbookContent content(String name, XmlBudget budget, List<SheetData> sheets,
            Collection<PackagePart> unlistedSheets, List<String> linkedFiles, List<Diagnostic> links)
            throws IOException {
        for (PackagePart unlisted : unlistedSheets) { // a sheet part xl/workbook.xml does not list
            if (!isPlainXml(unlisted, budget)) {
                return notPlainXml(name, unlisted, budget);
            }
        }
        if (!linkedFiles.isEmpty()) {
            return new WorkbookContent(name, List.of(), links.isEmpty()
                    ? List.of(ExternalLinks.workbookLinksFiles(name, linkedFiles)) : links);
        }
        if (sheets.isEmpty()) {
            return refused(name, Message.of("NO_TABLES.noSheets"));
        }
        return new WorkbookContent(name, sheets, List.of());
    }

    /** Worksheets, chart sheets and dialog sheets: the sheet iterator reads them, refusing a DOCTYPE. */
    private static boolean isSheet(String contentType) {
        return contentType.endsWith("sheet+xml");
    }

    /** XML by its content type ({@code …+xml}, {@code application/xml}), or VML, the XML of legacy drawings. */
    private static boolean isXml(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.endsWith("xml") || type.endsWith("vmldrawing");
    }

    private static boolean isPlainXml(PackagePart part, XmlBudget budget) throws IOException {
        if (part instanceof PackagePropertiesPart) {
            // POI parsed docProps/core.xml while opening the file, with a parser that refuses a DOCTYPE, and keeps
            // only its values; a core.xml with a DOCTYPE stays a plain part, read below
            return true;
        }
        try (InputStream in = part.getInputStream()) {
            return XmlProlog.isPlain(budget.count(in));
        }
    }

    private WorkbookContent notPlainXml(String workbook, PackagePart part, XmlBudget budget) {
        if (budget.exceeded()) {
            return tooMuchXml(workbook, "");
        }
        return refused(workbook, Message.of("UNREADABLE_WORKBOOK.doctype", part.getPartName().getName()));
    }

    /** The shared text table, counted against the budget (POI would otherwise read it whole, whatever its size). */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg, XmlBudget budget)
            throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream(), false);
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return new ReadOnlySharedStringsTable(budget.count(in), false);
        }
    }

    private WorkbookContent tooMuchXml(String workbook, String location) {
        return located(workbook, location, Message.of("WORKBOOK_TOO_LARGE.unpacked",
                limits.maxXmlBytes() / (1024 * 1024), location.isEmpty() ? Message.word("nothing") : Message.of("phrase.readingSheet", location)));
    }

    private static Message describe(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max")
                || m.contains("MAX_ENTRY_SIZE")) {
            return Message.of("UNREADABLE_WORKBOOK.zipBomb");
        }
        return Message.of("UNREADABLE_WORKBOOK.damaged");
    }

    private static WorkbookContent refused(String workbook, Message text) {
        return located(workbook, "", text);
    }

    private static WorkbookContent located(String workbook, String location, Message text) {
        return new WorkbookContent(workbook, List.of(), List.of(Diagnostic.of(Severity.ERROR, workbook, location,
                text)));
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("could not delete temporary file {}", temp);
            }
        }
    }
}
