package org.beacon.service.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.QuotedInput;

/**
 * What an upload asks of its base version. An expert changes one workbook and uploads that one, so by default the
 * uploaded workbooks replace the base's workbooks of the same file name (or are added) and the others are kept;
 * {@code remove} drops named workbooks; {@code replaceAll} makes the upload the complete set.
 *
 * @param uploaded the uploaded workbooks, their names already checked
 * @param remove file names of the base's workbooks to drop
 * @param replaceAll true when the uploaded workbooks are the whole new version
 */
public record WorkbookChanges(List<WorkbookSource> uploaded, List<String> remove, boolean replaceAll) {

    public WorkbookChanges {
        uploaded = List.copyOf(uploaded);
        remove = List.copyOf(remove);
    }

    /**
     * @param workbooks the new version's workbooks, in name order
     * @param replaced the base's workbooks an uploaded one replaced
     * @param added uploaded workbooks the base did not have
     * @param removed the base's workbooks it does not have
     * @param replaceAll the upload was the complete set
     */
    record Merged(List<WorkbookSource> workbooks, List<String> replaced, List<String> added, List<String> removed,
            boolean replaceAll) {

        /** {@code v1 with national-grading.xlsx replaced}, for the answer's one-sentence detail. */
        String summary(String baseId) {
            if (replaceAll) {
                return "the uploaded workbooks only (replace=all)" + (removed.isEmpty() ? ""
                        : ", without " + baseId + "'s " + String.join(", ", removed));
            }
            List<String> parts = new ArrayList<>();
            if (!replaced.isEmpty()) {
                parts.add(String.join(", ", replaced) + " replaced");
            }
            if (!added.isEmpty()) {
                parts.add(String.join(", ", added) + " added");
            }
            if (!removed.isEmpty()) {
                parts.add(String.join(", ", removed) + " removed");
            }
            return baseId + " with " + String.join("; ", parts);
        }
    }

    /**
     * The new version's workbooks.
     *
     * @throws InvalidRequestException naming each {@code remove} that is not a workbook of the base or is uploaded
     *     too, or when no workbook would be left
     */
    Merged applyTo(String baseId, List<WorkbookSource> base) {
        Set<String> baseNames = base.stream().map(WorkbookSource::name).collect(Collectors.toSet());
        Set<String> uploadedNames = uploaded.stream().map(WorkbookSource::name).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < remove.size(); i++) {
            String name = remove.get(i);
            if (uploadedNames.contains(name)) {
                errors.add(new FieldError("remove/" + i, name + " is both uploaded and removed: upload it to "
                        + "replace it, or remove it"));
            } else if (!baseNames.contains(name)) {
                errors.add(new FieldError("remove/" + i, "'" + QuotedInput.shorten(name)
                        + "' is not a workbook of " + baseId + ", whose workbooks are " + String.join(", ",
                        new TreeSet<>(baseNames))));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Map<String, WorkbookSource> merged = new TreeMap<>();
        if (!replaceAll) {
            base.forEach(w -> merged.put(w.name(), w));
            remove.forEach(merged::remove);
        }
        uploaded.forEach(w -> merged.put(w.name(), w));
        if (merged.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("remove", "a version needs at least one "
                    + "workbook, and removing these leaves none of " + baseId + "'s")));
        }
        List<String> removed = baseNames.stream().filter(n -> !merged.containsKey(n)).sorted().toList();
        List<String> replaced = uploadedNames.stream().filter(baseNames::contains).sorted().toList();
        List<String> added = uploadedNames.stream().filter(n -> !baseNames.contains(n)).sorted().toList();
        return new Merged(List.copyOf(merged.values()), replaced, added, removed, replaceAll);
    }
}
