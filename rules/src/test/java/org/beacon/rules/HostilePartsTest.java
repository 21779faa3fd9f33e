package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks whose XML parts no spreadsheet program writes: entity tricks, parts that unpack to far more than the
 * file suggests, links to other files. Built by editing the zip of a valid cholera workbook (sheet2.xml is its
 * table sheet {@code Cholera}, whose hit policy B2 is a shared string).
 */
class HostilePartsTest {

    private static final String SHEET = "xl/worksheets/sheet2.xml";
    private static final String STRINGS = "xl/sharedStrings.xml";
    private static final String LINKED_FILE = "thresholds-2019.xlsx";

    @TempDir
    Path temp;

    private static Compilation compile(byte[] bytes) {
        return new RuleSetCompiler().compile(List.of(new WorkbookSource("parts.xlsx", bytes)));
    }

    private static String everythingShown(Compilation c) {
        return String.join("\n", c.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    // --- entities ---

    /** The hit policy cell B2 holds {@code text} (XML, so an entity reference works); a DOCTYPE may precede. */
    private static byte[] withHitPolicy(String part, String doctype, String text) {
        byte[] valid = WorkbookBuilder.cholera().bytes();
        UnaryOperator<String> change = part.equals(SHEET)
                ? xml -> withDoctype(xml, doctype).replace("<c r=\"B2\" t=\"s\" s=\"0\"><v>35</v></c>",
                        "<c r=\"B2\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>")
                : xml -> withDoctype(xml, doctype).replace("<t>highest grade</t>", "<t>" + text + "</t>");
        byte[] edited = Zips.replace(valid, part, change);
        assertThat(new String(Zips.contentOf(edited, part), StandardCharsets.UTF_8)).as("the edit took")
                .contains(text);
        return edited;
    }

    private static String withDoctype(String xml, String doctype) {
        int declarationEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, declarationEnd) + doctype + xml.substring(declarationEnd);
    }

    private Path secretFile() throws IOException {
        return Files.writeString(temp.resolve("secret.txt"), "s3cr3t-" + System.nanoTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, STRINGS})
    void theSecretWouldShowIfAnEntityBroughtItIn(String part) throws IOException {
        // The channel the entity tests watch: text in B2 comes back in the hit policy's diagnostic.
        String secret = Files.readString(secretFile());
        Compilation c = compile(withHitPolicy(part, "", secret));
        assertThat(Workbooks.only(c, "UNKNOWN_HIT_POLICY").message()).contains(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, STRINGS})
    void refusesAnExternalEntityWithoutReadingTheFileItNames(String part) throws IOException {
        Path secretFile = secretFile();
        String secret = Files.readString(secretFile);
        byte[] bytes = withHitPolicy(part, "<!DOCTYPE x [<!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">]>",
                "&secret;");

        Compilation c = compile(bytes);

        assertThat(c.succeeded()).isFalse();
        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("UNREADABLE_WORKBOOK");
        assertThat(everythingShown(c)).doesNotContain(secret).doesNotContain(secretFile.toString());
        if (List.of("docProps/core.xml", "docProps/app.xml", "xl/styles.xml").contains(part)) {
            assertThat(c.errors().get(0).message()).contains(part).contains("DOCTYPE");
        }
    }

    @Test
    void aWorkbookWithANoteOnACellIsReadAsBefore() throws IOException {
        // a note brings the parts a DOCTYPE check must read past: its text (comments1.xml) and legacy VML
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(WorkbookBuilder.cholera().bytes()));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.getSheet("Cholera");
            var note = sheet.createDrawingPatriarch().createCellComment(wb.getCreationHelper().createClientAnchor());
            note.setString(wb.getCreationHelper().createRichTextString("阈值见 criteria §2"));
            sheet.getRow(5).getCell(0).setCellComment(note);
            wb.write(out);
            bytes = out.toByteArray();
        }
        assertThat(Zips.parts(bytes)).anyMatch(p -> p.endsWith(".vml")).anyMatch(p -> p.contains("comments"));

        Compilation c = compile(bytes);

        assertThat(c.errors()).isEmpty();
        assertThat(c.ruleSet().orElseThrow().evaluate(Workbooks.situation("cholera", Map.of("cases", 31))).grade())
                .isEqualTo(Grade.II);
    }

    @Test
    void refusesADoctypeInASheetPartTheWorkbookDoesNotList() {
        // no sheet of xl/workbook.xml points to it, so the sheet reader never opens it
        byte[] bytes = Zips.edit(WorkbookBuilder.cholera().bytes(), Map.of("[Content_Types].xml", xml -> xml.replace(
                "</Types>", "<Override PartName=\"/xl/worksheets/sheet9.xml\" ContentType=\"application/vnd."
                        + "openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")), Map.of(
                "xl/worksheets/sheet9.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><worksheet "
                        + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"));

        Compilation c = compile(bytes);

        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("UNREADABLE_WORKBOOK");
        assertThat(c.errors().get(0).message()).contains("xl/worksheets/sheet9.xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHEET, STRINGS})
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed check
    void refusesEntityExpansionWithoutExpandingIt(String part) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE x [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        byte[] bytes = withHitPolicy(part, doctype.append("]>").toString(), "&lol9;");

        Compilation c = compile(bytes);

        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("UNREADABLE_WORKBOOK");
        assertThat(everythingShown(c)).doesNotContain("lollol");
        if (part.equals(SHEET)) {
            assertThat(c.errors().get(0).location()).isEqualTo("Cholera");
        }
    }

    /** Every part of the valid workbook: content types, relationships, properties, styles, workbook, sheets. */
    static List<String> everyPart() {
        return Zips.parts(WorkbookBuilder.cholera().bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPart")
    void refusesADoctypeInAnyPartWithoutShowingTheFileItNames(String part) throws IOException {
        // Beacon shows no text of document properties or styles, yet a DOCTYPE there is refused too: it has no place
        // in a workbook, wherever it is, and a part read past without a word would be the one left unchecked
        Path secretFile = secretFile();
        String secret = Files.readString(secretFile);
        byte[] bytes = Zips.replace(WorkbookBuilder.cholera().bytes(), part, xml -> withDoctype(xml,
                "<!DOCTYPE x [<!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">]>"));

        Compilation c = compile(bytes);

        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("UNREADABLE_WORKBOOK");
        assertThat(everythingShown(c)).doesNotContain(secret).doesNotContain(secretFile.toString());
    }

    // --- sheets with the same name ---

    @ParameterizedTest
    @ValueSource(strings = {"Cholera", "cholera"})
    void refusesTwoSheetsWithTheSameNameNamingTheWorkbookAndBoth(String renamed) throws IOException {
        // Excel allows no two sheets whose names differ only in case, but xl/workbook.xml can be edited: renaming
        // SarsHpai to Cholera uploaded fine and SARS situations silently got no grade
        byte[] grading = Files.readAllBytes(Workbooks.root().resolve("tables/national-grading.xlsx"));
        byte[] bytes = Zips.replace(grading, "xl/workbook.xml", xml -> xml.replace("name=\"SarsHpai\"",
                "name=\"" + renamed + "\""));

        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookSource("national-grading.xlsx", bytes)));

        Diagnostic d = Workbooks.only(c, "DUPLICATE_SHEET");
        assertThat(d.isError()).isTrue();
        assertThat(d.workbook()).isEqualTo("national-grading.xlsx");
        assertThat(d.location()).isEqualTo(renamed);
        assertThat(d.message()).contains("sheet 7 (Cholera)").contains("sheet 8 (" + renamed + ")");
        assertThat(c.succeeded()).isFalse();
    }

    // --- parts that unpack to much more than the file ---

    @Test
    void refusesSharedTextThatUnpacksPastTheLimitThoughItIsNoZipBomb() throws IOException {
        // 17 MB of distinct strings compress about 25:1: under the file limit and the zip-bomb ratio, yet POI would
        // keep all of it in memory (a 300 MB variant of this file exhausts a 256 MB heap).
        long size = WorkbookLimits.DEFAULT.maxXmlBytes() + (1 << 20);
        Path file = streamed("strings.xlsx", STRINGS, size, random -> "<si><t>" + "x".repeat(150)
                + Long.toHexString(random.nextLong()) + "</t></si>", "</sst>");
        assertCompressesLessThanAZipBomb(file, STRINGS);

        Compilation c = new RuleSetCompiler().compile(List.of(WorkbookSource.read(file)));

        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("WORKBOOK_TOO_LARGE");
        assertThat(c.errors().get(0).message()).contains("16 MB");
    }

    @Test
    void refusesASheetThatUnpacksPastTheLimitAtThatSheet() throws IOException {
        // One row of ever more cells: no row limit stops it, only the bytes read.
        long size = WorkbookLimits.DEFAULT.maxXmlBytes() + (1 << 20);
        Path file = streamed("cells.xlsx", SHEET, size, random -> "<c r=\"F8\"><v>" + random.nextInt(1_000_000)
                + "</v></c>", "</row></sheetData>");
        assertCompressesLessThanAZipBomb(file, SHEET);

        Compilation c = new RuleSetCompiler().compile(List.of(WorkbookSource.read(file)));

        assertThat(c.errors()).extracting(Diagnostic::code, Diagnostic::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WORKBOOK_TOO_LARGE", "Cholera"));
    }

    /**
     * The valid workbook with {@code size} bytes of generated XML inserted in {@code part} before {@code before},
     * streamed to a file so the test never holds the unpacked part.
     */
    private Path streamed(String name, String part, long size, java.util.function.Function<Random, String> item,
            String before) throws IOException {
        byte[] valid = WorkbookBuilder.cholera().bytes();
        String xml = new String(Zips.contentOf(valid, part), StandardCharsets.UTF_8);
        int at = xml.lastIndexOf(before);
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Zips.copy(valid, out, entry -> !entry.equals(part) ? null : zip -> {
                zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                Random random = new Random(9);
                StringBuilder chunk = new StringBuilder(1 << 16);
                for (long written = 0; written < size; ) {
                    chunk.setLength(0);
                    while (chunk.length() < 60_000) {
                        chunk.append(item.apply(random));
                    }
                    byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    zip.write(b);
                    written += b.length;
                }
                zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
            }, Map.of());
        }
        assertThat(Files.size(file)).as("under the file limit").isLessThan(WorkbookLimits.DEFAULT.maxFileBytes());
        return file;
    }

    private static void assertCompressesLessThanAZipBomb(Path file, String part) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entry = zip.getEntry(part);
            assertThat((double) entry.getCompressedSize() / entry.getSize()).as("POI's inflate-ratio check passes")
                    .isGreaterThan(org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio());
        }
    }

    // --- links to other files ---

    /** The valid workbook with an external link part to {@value LINKED_FILE}; {@code sheetChange} edits sheet2. */
    private static byte[] withExternalLink(UnaryOperator<String> sheetChange) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        return Zips.edit(WorkbookBuilder.cholera().bytes(), Map.of(
                "[Content_Types].xml", xml -> xml.replace("</Types>", "<Override PartName=\"/xl/externalLinks/"
                        + "externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "spreadsheetml.externalLink+xml\"/></Types>"),
                "xl/_rels/workbook.xml.rels", xml -> xml.replace("</Relationships>", "<Relationship Id=\"rId99\" "
                        + "Type=\"" + rels + "/externalLink\" Target=\"externalLinks/externalLink1.xml\"/>"
                        + "</Relationships>"),
                "xl/workbook.xml", xml -> xml.replace("</sheets>", "</sheets><externalReferences>"
                        + "<externalReference r:id=\"rId99\"/></externalReferences>"),
                SHEET, sheetChange), Map.of(
                "xl/externalLinks/externalLink1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><externalLink "
                        + "xmlns=\"" + main + "\" xmlns:r=\"" + rels + "\"><externalBook r:id=\"rId1\"><sheetNames>"
                        + "<sheetName val=\"Sheet1\"/></sheetNames></externalBook></externalLink>",
                "xl/externalLinks/_rels/externalLink1.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + rels + "/externalLinkPath\" Target=\"file:///C:/"
                        + "shared/" + LINKED_FILE + "\" TargetMode=\"External\"/></Relationships>"));
    }

    @Test
    void refusesACellWhoseFormulaReadsALinkedWorkbookAtThatCell() {
        // A6 (≥30) becomes =[1]Sheet1!$A$1 with the value 30 Excel saved from the linked file.
        byte[] bytes = withExternalLink(xml -> xml.replaceFirst("<c r=\"A6\"[^>]*><v>\\d+</v></c>",
                "<c r=\"A6\"><f>[1]Sheet1!\\$A\\$1</f><v>30</v></c>"));

        Compilation c = compile(bytes);

        Diagnostic d = Workbooks.only(c, "EXTERNAL_LINK");
        assertThat(d.isError()).isTrue();
        assertThat(d.location()).isEqualTo("Cholera!A6");
        assertThat(d.message()).contains(LINKED_FILE).contains("Break Link");
        assertThat(c.succeeded()).isFalse();
    }

    @Test
    void refusesAWorkbookThatLinksToAnotherFileThoughNoCellNamesIt() {
        // A defined name may read the link, or nothing does: either way the fix is Break Link.
        Compilation c = compile(withExternalLink(UnaryOperator.identity()));

        Diagnostic d = Workbooks.only(c, "EXTERNAL_LINK");
        assertThat(d.isError()).isTrue();
        assertThat(d.workbook()).isEqualTo("parts.xlsx");
        assertThat(d.location()).as("the link belongs to the file, not to a cell").isEmpty();
        assertThat(d.message()).contains(LINKED_FILE).contains("Edit Links");
    }

    @Test
    void aFormulaWithoutExternalLinksIsOnlyAWarning() {
        // the same formula text, but the file links nowhere: nothing to break, the saved value is the file's own
        byte[] bytes = Zips.replace(WorkbookBuilder.cholera().bytes(), SHEET, xml -> xml.replaceFirst(
                "<c r=\"A6\"[^>]*><v>\\d+</v></c>", "<c r=\"A6\" t=\"str\"><f>\"≥\"&amp;30</f><v>≥30</v></c>"));

        Compilation c = compile(bytes);

        assertThat(c.errors()).isEmpty();
        assertThat(Workbooks.only(c, "FORMULA_NOT_EVALUATED").location()).isEqualTo("Cholera!A6");
    }
}
