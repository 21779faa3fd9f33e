package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not usable workbooks each give one clear diagnostic about the file, never an exception, within
 * bounded memory: the reader streams sheets and stops at the limits.
 */
class HostileFilesTest {

    @TempDir
    Path temp;

    private static Diagnostic onlyDiagnostic(byte[] bytes, String name) {
        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookSource(name, bytes)));
        assertThat(c.succeeded()).isFalse();
        assertThat(c.errors()).as("one error for the file").hasSize(1);
        Diagnostic d = c.errors().get(0);
        assertThat(d.workbook()).isEqualTo(name);
        assertThat(d.message()).doesNotContain("Exception").doesNotContain("at org.");
        return d;
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() {
        Diagnostic d = onlyDiagnostic("name,cases\ncholera,12\n".getBytes(StandardCharsets.UTF_8), "cases.xlsx");
        assertThat(d.code()).isEqualTo("UNREADABLE_WORKBOOK");
        assertThat(d.message()).contains(".xlsx");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(onlyDiagnostic(new byte[0], "empty.xlsx").code()).isEqualTo("UNREADABLE_WORKBOOK");
    }

    @Test
    void refusesATruncatedWorkbook() {
        byte[] whole = WorkbookBuilder.cholera().bytes();
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThat(onlyDiagnostic(half, "truncated.xlsx").code()).isEqualTo("UNREADABLE_WORKBOOK");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(onlyDiagnostic(bytes.toByteArray(), "archive.xlsx").code()).isEqualTo("UNREADABLE_WORKBOOK");
    }

    @Test
    void refusesTheOldXlsFormatWithAHowToFix() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HSSFWorkbook old = new HSSFWorkbook()) {
            old.createSheet("Dictionary").createRow(0).createCell(0).setCellValue("Dictionary");
            old.write(bytes);
        }
        Diagnostic d = onlyDiagnostic(bytes.toByteArray(), "old.xls");
        assertThat(d.code()).isEqualTo("OLD_EXCEL_FORMAT");
        assertThat(d.message()).contains(".xlsx");
    }

    @Test
    void refusesAMacroEnabledWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM)) {
            wb.createSheet("Table").createRow(0).createCell(0).setCellValue("Table");
            wb.write(bytes);
        }
        assertThat(onlyDiagnostic(bytes.toByteArray(), "macros.xlsm").code()).isEqualTo("MACROS_NOT_ALLOWED");
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        byte[] plain = WorkbookBuilder.cholera().bytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(bytes);
        }
        Diagnostic d = onlyDiagnostic(bytes.toByteArray(), "locked.xlsx");
        assertThat(d.code()).isEqualTo("PASSWORD_PROTECTED");
        assertThat(d.message()).contains("without a password");
    }

    @Test
    void refusesAWorkbookWithoutSheetsOrTables() {
        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookBuilder().source("blank.xlsx")));
        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("NO_TABLES");
    }

    @Test
    void refusesASheetOfAMillionRowsWithoutReadingItAll() throws IOException {
        Path file = temp.resolve("million.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet("Cholera");
            sheet.createRow(0).createCell(0).setCellValue("Table");
            for (int r = 1; r < 1_000_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            wb.write(out);
            wb.dispose();
        }
        Diagnostic d = onlyDiagnostic(Files.readAllBytes(file), "million.xlsx");
        assertThat(d.code()).isEqualTo("WORKBOOK_TOO_LARGE");
        assertThat(d.location()).isEqualTo("Cholera");
        assertThat(d.message()).contains("20000 rows");
    }

    @Test
    void refusesAZipBomb() throws IOException {
        // A valid workbook whose sheet inflates from about 1 MB to 1 GB of blank space.
        byte[] valid = WorkbookBuilder.cholera().bytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(valid)); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 1024; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
            }
        }
        assertThat(bytes.size()).as("the bomb is small").isLessThan(5 * 1024 * 1024);
        Diagnostic d = onlyDiagnostic(bytes.toByteArray(), "bomb.xlsx");
        assertThat(d.code()).isEqualTo("UNREADABLE_WORKBOOK");
        assertThat(d.message()).contains("zip bomb");
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        byte[] big = new byte[21 * 1024 * 1024];
        assertThat(onlyDiagnostic(big, "big.xlsx").code()).isEqualTo("WORKBOOK_TOO_LARGE");
    }

    @Test
    void refusesTooManySheets() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        for (int i = 0; i < 60; i++) {
            b.sheet("Note" + i).row("note");
        }
        assertThat(onlyDiagnostic(b.bytes(), "sheets.xlsx").code()).isEqualTo("WORKBOOK_TOO_LARGE");
    }

    @Test
    void refusesACellLongerThanTheLimitAtThatCell() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("Notes").row("note", "x".repeat(5000));
        Diagnostic d = onlyDiagnostic(b.bytes(), "long.xlsx");
        assertThat(d.code()).isEqualTo("WORKBOOK_TOO_LARGE");
        assertThat(d.location()).isEqualTo("Notes!B1");
        assertThat(d.message()).contains("2000 characters");
    }

    @Test
    void refusesAnInlineCellFarOverTheLimitAtThatCellBeforeReadingItAll() {
        // inline text (not a shared string) is cut off while it is read, at four times the limit
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("Notes").row("note");
        byte[] bytes = Zips.replace(b.bytes(), "xl/worksheets/sheet3.xml", xml -> xml.replace("</row>",
                "<c r=\"C1\" t=\"inlineStr\"><is><t>" + "x".repeat(9000) + "</t></is></c></row>"));
        Diagnostic d = onlyDiagnostic(bytes, "inline.xlsx");
        assertThat(d.code()).isEqualTo("WORKBOOK_TOO_LARGE");
        assertThat(d.location()).isEqualTo("Notes!C1");
    }
}
