package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.service.Http;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Workbook file names: a version keeps each workbook under the name it was uploaded with and gives it back at
 * {@code GET /rule-sets/{id}/workbooks/{name}}, so only plain {@code .xlsx} names are accepted, and every name that
 * is accepted downloads with its exact bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestUsers.class)
class WorkbookNamesTest {

    static final Path ROOT = Path.of("target", "workbook-names-" + System.nanoTime());
    static final byte[] GRADING = GradingWorkbooks.grading(25);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        GradingWorkbooks.startWithVersionOne(ROOT, registry);
    }

    private Http editor() {
        return new Http(port, users.editor());
    }

    private List<String> versions() {
        return editor().get("/rule-sets").json().valueStream().map(v -> v.at("/id").asString()).toList();
    }

    private Http.Response upload(Map<String, byte[]> files) {
        return editor().postForm("/rule-sets", List.of(new Http.Field("replace", "all")), files.entrySet().stream()
                .map(f -> new Http.FilePart("files", f.getKey(), f.getValue())).toList());
    }

    @Test
    void refusesNamesThatAreNotPlainXlsxFileNamesWith400NamingTheFileAndStoresNothing() {
        List<String> before = versions();
        for (String name : List.of("..", "%2e%2e", "a\";x=y.xlsx", "evil.html", ".hidden.xlsx", "../grading.xlsx",
                "tables/grading.xlsx", "tables\\grading.xlsx", "grading.xlsm", "grading.xls", "grading.xlsb",
                "a;b.xlsx", "100%.xlsx", "it's.xlsx", "tab\there.xlsx", "right\u202Eto-left.xlsx", "a<b>.xlsx",
                "what?.xlsx", "star*.xlsx", "c:grading.xlsx", "pipe|.xlsx", " grading.xlsx", "grading.xlsx ",
                ".xlsx", "line\u2028break.xlsx", "no-break\u00A0space.xlsx")) {
            Http.Response r = upload(Map.of(name, GRADING));
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:invalid-request");
            JsonNode error = r.json().at("/errors/0");
            assertThat(error.at("/pointer").asString()).as(name).isEqualTo("files/0");
            assertThat(error.at("/detail").asString()).as(name).contains(".xlsx");
        }
        Http.Response r = upload(Map.of("evil.html", GRADING));
        assertThat(r.json().at("/errors/0/detail").asString()).contains("evil.html");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void everyAcceptedNameDownloadsWithTheExactBytesUploaded() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("grading.xlsx", GRADING);
        List<String> names = new ArrayList<>(List.of("national grading (1).xlsx", "国家分级（修订稿）.xlsx",
                "Grading.XLSX", "a..b.xlsx", "~$grading.xlsx", "a+b&c=d,e!f@g#h.xlsx", "[draft] {2027} ^x$.xlsx",
                "back`tick.xlsx", "e\u0301te\u0301.xlsx", "ελληνικά.xlsx", "emoji \uD83D\uDE00.xlsx",
                "x".repeat(195) + ".xlsx"));
        Random random = new Random(18);
        String alphabet = "abcXYZ019 -_.()[]{}+,=&@!~$^#`国家分级霍乱éßø（）【】、。" + "\u0301";
        while (names.size() < 40) {
            StringBuilder n = new StringBuilder();
            n.append(alphabet.charAt(random.nextInt(9)));
            for (int i = random.nextInt(30); i > 0; i--) {
                n.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(n + ".xlsx");
        }
        for (String name : names) {
            // one more workbook of the same set: its own copy of the dictionary, no table
            files.putIfAbsent(name, new WorkbookBuilder().dictionary().bytes());
        }
        Http.Response r = upload(files);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().at("/id").asString();
        assertThat(r.json().at("/workbooks").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        files.forEach((name, bytes) -> {
            Http.Binary download = editor().download("/rule-sets/" + id + "/workbooks/" + pathSegment(name));
            assertThat(download.status()).as(name).isEqualTo(200);
            assertThat(download.body()).as(name).isEqualTo(bytes);
            String disposition = download.header("Content-Disposition");
            assertThat(percentDecoded(disposition.substring(disposition.indexOf("''") + 2))).as(disposition)
                    .isEqualTo(name);
        });
    }

    /** Every byte of the UTF-8 name percent-encoded except the unreserved characters of RFC 3986. */
    private static String pathSegment(String name) {
        StringBuilder s = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return s.toString();
    }

    /** RFC 5987 value: %XX decoded as UTF-8 bytes, every other character as itself ('+' is a plus). */
    private static String percentDecoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
