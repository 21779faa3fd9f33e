package org.beacon.rules.workbook;

import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;

/**
 * Workbooks that link to other files. Beacon never opens a linked file, so a value that comes from one is whatever
 * Excel saved the last time it could read it: possibly out of date, and not in the files an expert checked. A
 * decision must not rest on it, so a link is an error with a fix the expert can apply in Excel.
 */
final class ExternalLinks {

    private static final String HOW_TO_FIX = "Beacon never opens linked files, so the value saved here may be out "
            + "of date: type the values in, or in Excel use Data › Edit Links (编辑链接) › Break Link (断开链接)";

    private ExternalLinks() {
    }

    /** The file name an external-link part points to, for the message; "another workbook" when it names none. */
    static String linkedFile(PackagePart link) {
        try {
            for (PackageRelationship r : link.getRelationships()) {
                if (r.getTargetMode() == TargetMode.EXTERNAL && r.getTargetURI() != null) {
                    String target = r.getTargetURI().toString();
                    String file = target.substring(Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\')) + 1);
                    if (!file.isBlank()) {
                        return file.length() > 80 ? file.substring(0, 80) + "…" : file;
                    }
                }
            }
        } catch (InvalidFormatException | RuntimeException e) {
            // a damaged link part still is a link; the message just cannot name its file
        }
        return "another workbook";
    }

    static Diagnostic cellReadsLinkedFile(String workbook, String cell, List<String> files) {
        return new Diagnostic(Severity.ERROR, workbook, cell, "EXTERNAL_LINK", "this cell's formula reads "
                + describe(files) + "; " + HOW_TO_FIX);
    }

    /** No cell names the link (a defined name may use it, or nothing does): the file itself carries it. */
    static Diagnostic workbookLinksFiles(String workbook, List<String> files) {
        return new Diagnostic(Severity.ERROR, workbook, "", "EXTERNAL_LINK", "the workbook links to "
                + describe(files) + "; " + HOW_TO_FIX);
    }

    private static String describe(List<String> files) {
        return files.size() == 1 ? files.get(0) : String.join(", ", files);
    }
}
