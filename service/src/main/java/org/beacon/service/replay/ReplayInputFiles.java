package org.beacon.service.replay;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where a replay's files come from: an upload, or an example of the bundled {@code timelines/} folder named in the
 * form, read whole with its SHA-256. An example's name never leaves the folder. Stateless but for the folder.
 */
final class ReplayInputFiles {

    private static final Pattern EXAMPLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** A file as received: the form field it came in, its name, its bytes. */
    record InputFile(String field, String name, byte[] bytes) {

        String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** UTF-8 text (the CSV readers skip a byte-order mark themselves). */
        StringReader reader() {
            return new StringReader(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private final Path timelines;

    ReplayInputFiles(Path timelines) {
        this.timelines = timelines;
    }

    /**
     * The file sent in {@code uploadField}, or the example named in {@code exampleField}; null, with the reason added
     * to {@code errors}, for both at once or an example that is not one, and null when neither was sent.
     */
    InputFile file(MultipartFile upload, String uploadField, String example, String exampleField,
            List<FieldError> errors) {
        boolean uploaded = upload != null && !upload.isEmpty();
        String name = example == null || example.isBlank() ? null : example.trim();
        if (uploaded && name != null) {
            errors.add(new FieldError(exampleField, "send either a file (" + uploadField + ") or an example name ("
                    + exampleField + "), not both"));
            return null;
        }
        if (uploaded) {
            return upload(upload, uploadField);
        }
        if (name == null) {
            return null;
        }
        // letters, digits, '.', '_' and '-' only, and never "..": the name cannot leave the folder
        if (!EXAMPLE.matcher(name).matches() || name.contains("..")) {
            errors.add(new FieldError(exampleField, "an example is a file name without folders, such as "
                    + "covid-2020-zhejiang-hubei-guangdong.csv" + available()));
            return null;
        }
        Path p = timelines.resolve(name);
        if (!isExample(p)) {
            errors.add(new FieldError(exampleField, "there is no example timeline named '" + name + "'"
                    + available()));
            return null;
        }
        try {
            return new InputFile(exampleField, name, Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example " + p, e);
        }
    }

    /** An uploaded file, or null when none (or an empty one) was sent. */
    static InputFile upload(MultipartFile upload, String field) {
        if (upload == null || upload.isEmpty()) {
            return null;
        }
        try {
            return new InputFile(field, fileName(upload.getOriginalFilename(), field), upload.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An example timeline: a CSV file of the examples' {@code timelines/} folder itself, the ones {@link #available}
     * lists ({@code README.md} is in the folder too, and a link could point out of it).
     */
    private boolean isExample(Path p) {
        try {
            return p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p)
                    && p.toRealPath().getParent().equals(timelines.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The examples there are, as the end of a sentence that refused one. */
    String available() {
        if (!Files.isDirectory(timelines)) {
            return "; this service has no example timelines (beacon.examples-dir)";
        }
        List<String> names = examples();
        return names.isEmpty() ? "" : "; examples: " + String.join(", ", names);
    }

    /** The names a request may give as {@code example} or {@code actualExample}, sorted; none without the folder. */
    List<String> examples() {
        if (!Files.isDirectory(timelines)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(timelines)) {
            return files.filter(this::isExample).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String fileName(String original, String field) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.isBlank() ? field + ".csv" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
