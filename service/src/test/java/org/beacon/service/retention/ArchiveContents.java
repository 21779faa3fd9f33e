package org.beacon.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export files as an operator reads them: gunzip, one JSON object a line, checked with sha256sum. */
final class ArchiveContents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArchiveContents() {
    }

    /**
     * The decisions of one file by id, after checking its checksum file names it with {@code sha256}, which is the
     * SHA-256 of its bytes; an id twice fails.
     */
    static Map<String, String> read(Path folder, String file, String sha256) throws Exception {
        byte[] bytes = Files.readAllBytes(folder.resolve(file));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(sha256);
        assertThat(Files.readString(folder.resolve(file + ".sha256"))).isEqualTo(sha256 + "  " + file + "\n");
        Map<String, String> decisions = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new java.io.ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode row = JSON.readTree(line);
                String id = row.at("/id").asString();
                assertThat(JSON.readTree(row.at("/decision").asString()).at("/evaluationId").asString()).isEqualTo(id);
                assertThat(decisions.put(id, row.at("/decision").asString())).as("%s once in %s", id, file).isNull();
            }
        }
        return decisions;
    }

    /** The decisions of every export file in the folder by id; an id in two files fails. */
    static Map<String, String> readAll(Path folder) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String sum = Files.readString(folder.resolve(name + ".sha256")).substring(0, 64);
            read(folder, name, sum).forEach((id, decision) ->
                    assertThat(all.put(id, decision)).as("%s in one file only", id).isNull());
        }
        return all;
    }
}
