package org.beacon.service.web;

import static org.beacon.service.web.BadRequest.Part.field;
import static org.beacon.service.web.BadRequest.Part.file;
import static org.beacon.service.web.Cases.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.beacon.service.web.BadRequest.Caller;

/**
 * The rest of the corpus: bad ids and names in paths, bad query parameters, wrong methods, media types and Accept
 * headers, oversized bodies, and a few anonymous calls; multipart forms that are not the form an endpoint reads are
 * {@link FormCorpus}'s.
 */
final class HttpCorpus {

    /** An id no evaluation, replay or version has. */
    static final String UNKNOWN_UUID = UUID.nameUUIDFromBytes("corpus".getBytes(StandardCharsets.UTF_8))
            .toString();
    /** Ids that are not ids: SQL, traversal, header injection, control characters, absurd lengths. */
    static final List<String> BAD_IDS = List.of("not-a-uuid", "' OR '1'='1", "1 UNION SELECT 1--",
            "x".repeat(3000), "名字", "{" + UNKNOWN_UUID + "}", UNKNOWN_UUID.toUpperCase(), "-1", "0", "null");
    /** Encoded path segments that must never reach a handler: traversal, NUL, CR LF, backslash, double encoding. */
    static final List<String> REJECTED_SEGMENTS = List.of("..%2F..%2Fetc%2Fpasswd", "%2E%2E", "x%00",
            "x%0D%0AX-Injected:%201", "..%5C..%5Cpom.xml", "..%252F..%252Fpom.xml", "x;jsessionid=1", "%C0%AE%C0%AE",
            "x%0AX-Injected:%201");

    private HttpCorpus() {
    }

    static void addTo(Cases cases, String ownUser, byte[] workbook) {
        evaluationIds(cases);
        auditQuery(cases);
        ruleSets(cases);
        FormCorpus.addTo(cases, workbook);
        auditRetention(cases);
        methodsAndMediaTypes(cases, ownUser);
        oversized(cases, workbook);
        anonymous(cases);
    }

    /** The test's service keeps every decision: a run is refused, and so is a parameter the endpoint never reads. */
    private static void auditRetention(Cases cases) {
        cases.group("/admin/audit/retention: runs and parameters refused before any export");
        String path = "/admin/audit/retention";
        cases.add("a run while every decision is kept", "POST", path, null, null, null, false, 409);
        cases.add("a setting sent with a run", "POST", path + "?retention=1d", null, null, null, false, 400);
        cases.get(path + "?size=1", "a parameter it does not read", 400);
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            cases.add(method + " is not served", method, path, null, null, null, false, 405);
        }
    }

    private static void evaluationIds(Cases cases) {
        cases.group("GET /evaluations/{id}: ids that name nothing");
        cases.get("/evaluations/" + UNKNOWN_UUID, "an unknown id", 404);
        for (String id : BAD_IDS) {
            cases.get("/evaluations/" + encode(id), "id " + id, 404);
        }
        for (String segment : REJECTED_SEGMENTS) {
            cases.get("/evaluations/" + segment, "an encoded " + segment, 400);
        }
    }

    private static void auditQuery(Cases cases) {
        cases.group("GET /evaluations: paging and date filters");
        for (String query : List.of("page=-1", "page=-2147483648", "size=0", "size=-1", "size=501", "size=1000000000",
                "size=99999999999", "page=2147483648", "page=abc", "size=1e3", "size=ten", "page=1.5",
                "from=2026-13-01", "from=2026-02-30", "to=yesterday", "from=2026-07-01T25:00:00Z",
                "from=" + encode("' OR 1=1--"), "to=" + encode("2026-07-01'; DROP TABLE evaluation;--"),
                "from=2026-07-01&from=2026-07-02", "from=9999999999", "to=+1000000000-12-31T23:59:59Z",
                "from=-1000000000-01-01T00:00:00Z", "to=+999999999-12-31T00:00:00Z", "from=0000-00-00",
                "to=" + encode("2026-07-01\r\nX-Injected: 1"), "from=" + "9".repeat(5000))) {
            cases.get("/evaluations?" + query, query.length() > 60 ? query.substring(0, 60) + "…" : query, 400);
        }
        cases.group("GET /replays: paging");
        for (String query : List.of("page=-1", "size=0", "size=501", "size=1000000000", "size=99999999999",
                "page=x", "size=1e2", "page=-2147483648")) {
            cases.get("/replays?" + query, query, 400);
        }
    }

    private static void ruleSets(Cases cases) {
        cases.group("GET /rule-sets/{id}…: versions, workbooks and diffs that do not exist");
        for (String id : List.of("v999999", "v0", "v-1", "V1", "' OR '1'='1", "v1' --", "x".repeat(3000))) {
            cases.get("/rule-sets/" + encode(id), "version " + id, 404);
            cases.get("/rule-sets/v1/diff/" + encode(id), "a diff to " + id, 404);
            cases.get("/rule-sets/" + encode(id) + "/diff/v1", "a diff from " + id, 404);
            cases.get("/rule-sets/" + encode(id) + "/workbooks/national-grading.xlsx", "a workbook of " + id, 404);
        }
        for (String name : List.of("no-such.xlsx", "national-grading", "NATIONAL-GRADING.XLSX", "' OR '1'='1.xlsx",
                "x".repeat(3000) + ".xlsx", "national-grading.xlsx ", "~", "national-grading.xlsx.bak")) {
            cases.get("/rule-sets/v1/workbooks/" + encode(name), "workbook " + name, 404);
        }
        for (String segment : REJECTED_SEGMENTS) {
            cases.get("/rule-sets/v1/workbooks/" + segment, "a workbook named " + segment, 400);
            cases.get("/rule-sets/" + segment, "a version named " + segment, 400);
        }
        cases.group("POST /rule-sets/{id}/activation, rollback: versions that do not exist");
        for (String id : List.of("v999999", "' OR '1'='1", "x".repeat(3000))) {
            cases.json("POST", "/rule-sets/" + encode(id) + "/activation", "activate " + id, "", 404);
            cases.json("POST", "/rule-sets/" + encode(id) + "/rollback", "roll back " + id, "", 404);
        }
        cases.json("POST", "/rule-sets/x%0D%0AX-Injected:%201/activation", "activate CR LF", "", 400);
        cases.json("POST", "/rule-sets/..%2Fv1/rollback", "roll back a traversal", "", 400);
    }

    private static void methodsAndMediaTypes(Cases cases, String ownUser) {
        cases.group("wrong methods");
        for (String[] call : new String[][] {{"PUT", "/evaluations"}, {"DELETE", "/evaluations"},
                {"PATCH", "/evaluations"}, {"GET", "/evaluations/batch"}, {"PUT", "/evaluations/batch"},
                {"DELETE", "/evaluations/" + UNKNOWN_UUID}, {"GET", "/risk-map"}, {"PATCH", "/risk-map"},
                {"POST", "/indicators"}, {"DELETE", "/indicators"}, {"PUT", "/rule-sets"}, {"DELETE", "/rule-sets/v1"},
                {"PUT", "/rule-sets/v1"}, {"GET", "/rule-sets/v1/activation"}, {"GET", "/rule-sets/v1/rollback"},
                {"DELETE", "/rule-sets/v1/workbooks/national-grading.xlsx"}, {"POST", "/rule-sets/v1/diff/v1"},
                {"PUT", "/replays"}, {"DELETE", "/replays/" + UNKNOWN_UUID},
                {"POST", "/replays/" + UNKNOWN_UUID + "/steps.csv"}, {"PUT", "/users"}, {"PUT", "/users/caller"},
                {"POST", "/users/caller"}, {"GET", "/users/caller/password"}, {"DELETE", "/users"}}) {
            // GET /evaluations/batch is GET /evaluations/{id} with an id that names nothing
            int status = call[1].equals("/evaluations/batch") && call[0].equals("GET") ? 404 : 405;
            cases.add(call[0] + " is not served", call[0], call[1], null, null, null, false, status);
        }

        cases.group("methods a path does not serve, as a caller: 405, not 403").as(Caller.OWN_USER);
        for (String[] call : new String[][] {{"PUT", "/evaluations"}, {"DELETE", "/evaluations"},
                {"OPTIONS", "/evaluations"}, {"TRACE", "/evaluations"}, {"DELETE", "/risk-map"},
                {"OPTIONS", "/risk-map"}, {"PUT", "/users/me"}, {"PATCH", "/indicators"}, {"PUT", "/rule-sets/v1"},
                {"OPTIONS", "/replays"}}) {
            cases.add(call[0] + " is not served", call[0], call[1], null, null, null, false, 405);
        }
        cases.group("the error page is no endpoint");
        cases.get("/error", "asked for directly", 404);
        cases.add("POSTed to directly", "POST", "/error", Cases.JSON, null, () -> utf8("{}"), false, 404);
        cases.as(Caller.ANONYMOUS).get("/error", "asked for directly", 404);

        cases.group("unknown query parameters and form fields where a typo changes a decision");
        cases.json("POST", "/evaluations?ruleset=v1", "ruleset for ruleSet", BodyCorpus.SITUATION.valid(), 400);
        cases.json("POST", "/evaluations?explain=false&debug=1", "debug", BodyCorpus.SITUATION.valid(), 400);
        cases.json("POST", "/evaluations/batch?explian=false", "explian for explain",
                "{\"situations\":[" + BodyCorpus.SITUATION.valid() + "]}", 400);
        cases.json("POST", "/risk-map?ruleset=v1", "ruleset for ruleSet", BodyCorpus.RISK_MAP.valid(), 400);
        String example = "covid-2020-zhejiang-hubei-guangdong.csv";
        cases.form("/replays", "a field ruleset for ruleSet", 400, field("example", example),
                field("source", "canghailan"), field("ruleset", "v1"));
        cases.form("/replays?compare=v1", "a query parameter compare", 400, field("example", example),
                field("source", "canghailan"));
        cases.form("/replays", "a file part actuals for actual", 400, field("example", example),
                field("source", "canghailan"), file("actuals", "a.csv", utf8("region,date,level\n")));

        cases.group("content encodings");
        for (String encoding : List.of("deflate", "br", "compress", "gzip, gzip", "zstd")) {
            cases.encoded("Content-Encoding " + encoding, "POST", "/evaluations", Cases.JSON, encoding,
                    () -> utf8(BodyCorpus.SITUATION.valid()), 415);
        }
        cases.encoded("a gzip body that is not gzip", "POST", "/evaluations", Cases.JSON, "gzip",
                () -> utf8(BodyCorpus.SITUATION.valid()), 400);
        cases.encoded("a gzip body cut short", "POST", "/evaluations/batch", Cases.JSON, "gzip",
                () -> java.util.Arrays.copyOf(gzip(utf8("{\"situations\":[" + BodyCorpus.SITUATION.valid() + "]}")),
                        20), 400);
        cases.encoded("a gzip form", "POST", "/replays", Cases.FORM, "gzip", () -> gzip(BadRequest.multipart(
                Cases.BOUNDARY, List.of(field("example", example), field("source", "canghailan")))), 415);

        cases.group("unsupported media types");
        for (String path : List.of("/evaluations", "/evaluations/batch", "/risk-map", "/users")) {
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    Cases.FORM, "application/octet-stream", "application/json-patch+json")) {
                cases.bytes("POST", path, "Content-Type " + type, type, utf8(BodyCorpus.SITUATION.valid()), 415);
            }
            cases.add("no Content-Type", "POST", path, null, null, () -> utf8("{}"), false, 415);
        }
        cases.bytes("PATCH", "/users/" + ownUser, "Content-Type text/plain", "text/plain", utf8("{\"enabled\":false}"),
                415);
        cases.bytes("POST", "/users/" + ownUser + "/password", "Content-Type text/plain", "text/plain",
                utf8("{\"password\":\"a-long-enough-password\"}"), 415);
        for (String type : List.of(Cases.JSON, "text/plain", "application/x-www-form-urlencoded", "text/csv")) {
            cases.bytes("POST", "/rule-sets", "Content-Type " + type, type, utf8("files=x.xlsx"), 415);
            cases.bytes("POST", "/replays", "Content-Type " + type, type,
                    utf8("example=covid-2020-zhejiang-hubei-guangdong.csv&source=canghailan"), 415);
        }

        cases.group("unacceptable Accept headers");
        for (String accept : List.of("application/xml", "text/csv", "image/png")) {
            cases.add("Accept " + accept, "POST", "/evaluations", Cases.JSON, accept,
                    () -> utf8(BodyCorpus.SITUATION.valid()), false, 406);
            cases.add("Accept " + accept, "POST", "/evaluations/batch", Cases.JSON, accept,
                    () -> utf8("{\"situations\":[" + BodyCorpus.SITUATION.valid() + "]}"), false, 406);
            cases.add("Accept " + accept, "POST", "/risk-map", Cases.JSON, accept,
                    () -> utf8(BodyCorpus.RISK_MAP.valid()), false, 406);
            cases.add("Accept " + accept, "POST", "/replays", Cases.FORM, accept, () -> BadRequest.multipart(
                    Cases.BOUNDARY, List.of(field("example", "covid-2020-zhejiang-hubei-guangdong.csv"),
                            field("source", "canghailan"))), false, 406);
            cases.add("Accept " + accept, "POST", "/users", Cases.JSON, accept,
                    () -> utf8("{\"username\":\"corpus-never-created\",\"roles\":[\"caller\"]}"), false, 406);
            cases.add("Accept " + accept, "GET", "/evaluations", null, accept, null, false, 406);
        }
    }

    /**
     * Bodies over beacon.max-request-size (32 MB here, the default) or the 20 MB a file may have: with a Content-Length
     * that says so, and chunked (no length), so the limit has to be found while reading.
     */
    private static void oversized(Cases cases, byte[] workbook) {
        cases.group("oversized bodies");
        int over = 33 * 1024 * 1024;
        String situation = BodyCorpus.SITUATION.valid();
        for (String path : List.of("/evaluations", "/evaluations/batch", "/users")) {
            for (boolean chunked : List.of(false, true)) {
                cases.add("33 MB of white space before the document" + (chunked ? ", chunked" : ""), "POST", path,
                        Cases.JSON, null, () -> padded(over, situation), chunked, 413);
            }
        }
        cases.add("a 33 MB form", "POST", "/rule-sets", Cases.FORM, null, () -> BadRequest.multipart(
                Cases.BOUNDARY, List.of(BadRequest.Part.file("files", "big.xlsx", new byte[over]))), false, 413);
        cases.add("a 21 MB file in a form, chunked", "POST", "/rule-sets", Cases.FORM, null, () -> BadRequest.multipart(
                Cases.BOUNDARY, List.of(BadRequest.Part.file("files", "big.xlsx", new byte[21 * 1024 * 1024]))),
                true, 413);
        cases.encoded("40 MB once unpacked (a gzip bomb)", "POST", "/evaluations/batch", Cases.JSON, "gzip",
                () -> gzip(padded(40 * 1024 * 1024, "{\"situations\":[" + situation + "]}")), 413);
        cases.add("a 21 MB timeline", "POST", "/replays", Cases.FORM, null, () -> BadRequest.multipart(
                Cases.BOUNDARY, List.of(BadRequest.Part.file("timeline", "big.csv", new byte[21 * 1024 * 1024]))),
                false, 413);
    }

    private static void anonymous(Cases cases) {
        cases.group("anonymous: refused before the body is read").as(Caller.ANONYMOUS);
        cases.json("POST", "/evaluations", "malformed JSON", "{", 401);
        cases.json("POST", "/evaluations/batch", "100,000 nested arrays", "[".repeat(100_000), 401);
        cases.json("POST", "/risk-map", "a valid map", BodyCorpus.RISK_MAP.valid(), 401);
        cases.json("POST", "/users", "a new admin", "{\"username\":\"intruder\",\"roles\":[\"admin\"]}", 401);
        cases.json("PATCH", "/users/admin", "demote the admin", "{\"roles\":[\"caller\"]}", 401);
        cases.json("POST", "/users/admin/password", "set the admin's password",
                "{\"password\":\"a-long-enough-password\"}", 401);
        cases.json("POST", "/users/me/password", "set one's own password", "{}", 401);
        cases.add("remove the admin", "DELETE", "/users/admin", null, null, null, false, 401);
        cases.form("/rule-sets", "upload garbage", 401, file("files", "x.xlsx", utf8("x")));
        cases.form("/replays", "a traversal example", 401, field("example", "../../pom.xml"));
        cases.json("POST", "/rule-sets/v1/rollback", "roll back", "", 401);
        cases.get("/evaluations?size=-1", "a bad page size", 401);
        cases.get("/rule-sets/v1/workbooks/..%2F..%2Fpom.xml", "a traversal", 400);
        cases.get("/users/me", "who am I", 401);
    }

    private static byte[] padded(int padding, String json) {
        byte[] doc = utf8(json);
        byte[] body = new byte[padding + doc.length];
        java.util.Arrays.fill(body, 0, padding, (byte) ' ');
        System.arraycopy(doc, 0, body, padding, doc.length);
        return body;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write(utf8("not a workbook"));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
