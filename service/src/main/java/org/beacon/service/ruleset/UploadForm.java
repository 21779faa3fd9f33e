package org.beacon.service.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.springframework.web.multipart.MultipartFile;

/**
 * The fields of an upload form, the same for {@code POST /rule-sets}, {@code POST /rule-sets/check} and the
 * console's check page: checked all at once, before any workbook is read, so that every mistake is named together.
 *
 * @param base the version to change; null for the version in force today
 * @param changes what the upload does to the base
 * @param comment null when none
 */
public record UploadForm(String base, WorkbookChanges changes, String comment) {

    /** The version table keeps this much. */
    public static final int MAX_COMMENT = 2000;

    /**
     * @param replace {@code all} or null
     * @throws InvalidRequestException naming each field that is wrong
     */
    public static UploadForm of(List<MultipartFile> files, String comment, String base, List<String> remove,
            String replace) {
        List<FieldError> errors = new ArrayList<>();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "at most " + MAX_COMMENT + " characters, not " + comment.length()));
        }
        List<String> removed = remove == null ? List.of() : remove.stream().filter(r -> !r.isBlank()).toList();
        boolean replaceAll = replace != null && replace.equals("all");
        if (replace != null && !replaceAll) {
            errors.add(new FieldError("replace", "replace takes only 'all' (the upload is the complete set); leave "
                    + "it out to change the base's workbooks"));
        }
        if (replaceAll && base != null) {
            errors.add(new FieldError("base", "replace=all uploads a complete set, which has no base; leave out "
                    + "base or replace"));
        }
        if (replaceAll && !removed.isEmpty()) {
            errors.add(new FieldError("remove", "replace=all uploads a complete set: leave out the workbooks you do "
                    + "not want instead of removing them"));
        }
        if (base != null && base.isBlank()) {
            errors.add(new FieldError("base", "base names a version (v1); leave it out for the version in force "
                    + "today"));
        }
        List<WorkbookSource> sources = sources(files == null ? List.of() : files, errors);
        if (sources.isEmpty() && removed.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("files", "upload at least one .xlsx workbook (files), or name one of the "
                    + "base's workbooks to drop (remove)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new UploadForm(base, new WorkbookChanges(sources, removed, replaceAll), comment);
    }

    /**
     * The uploaded workbooks; a file whose name is not a plain .xlsx name is an error naming it. A browser sends an
     * empty part with no name for a file field left empty: that is no file, not a bad one.
     */
    private static List<WorkbookSource> sources(List<MultipartFile> files, List<FieldError> errors) {
        List<WorkbookSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            MultipartFile f = files.get(i);
            String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
            if (name.isEmpty() && f.isEmpty()) {
                continue;
            }
            String refusal = WorkbookFileNames.refusal(name);
            if (refusal != null) {
                errors.add(new FieldError("files/" + i, refusal));
            } else if (!names.add(name)) {
                errors.add(new FieldError("files/" + i, "two files are named " + name));
            } else {
                try {
                    sources.add(new WorkbookSource(name, f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sources;
    }
}
