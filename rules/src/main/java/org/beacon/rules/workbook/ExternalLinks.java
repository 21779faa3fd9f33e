package org.beacon.rules.workbook;

import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Severity;

/**
 * Workbooks that link to other files. Beacon never opens a linked file, so a value that comes from one is whatever
 * Excel saved the last time it could read it: possibly out of date, and not in the files an expert checked. A
 * decision must not rest on it, so a link is an error with a fix the expert can apply in Excel.
 */
final class ExternalLinks {

    private ExternalLinks() {
    }

    /** The file name an external-link part points to, for the message; null when it names none. */
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
        return null;
    }

    static Diagnostic cellReadsLinkedFile(String workbook, String cell, List<String> files) {
        return Diagnostic.of(Severity.ERROR, workbook, cell, Message.of("EXTERNAL_LINK.cell", describe(files)));
    }

    /** No cell names the link (a defined name may use it, or nothing does): the file itself carries it. */
    static Diagnostic workbookLinksFiles(String workbook, List<String> files) {
        return Diagnostic.of(Severity.ERROR, workbook, "", Message.of("EXTERNAL_LINK.workbook", describe(files)));
    }

    /** The files by name, "another workbook" for a link that names none. */
    private static Message.Joined describe(List<String> files) {
        return Message.joined("separator.items", files.stream()
                .map(f -> f == null ? Message.word("anotherWorkbook") : (Object) f).toList());
    }
}
