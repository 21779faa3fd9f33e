package org.beacon.service.web;

import static org.beacon.service.web.Cases.quoted;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beacon.service.web.BadRequest.Caller;

/**
 * The JSON bodies of the corpus: malformed documents for every endpoint that reads JSON, then, endpoint by endpoint,
 * each field with values of the wrong type, out of range, hostile or absurd. Every one must be refused before
 * anything is stored.
 */
final class BodyCorpus {

    static final JsonTemplate SITUATION = JsonTemplate.of("{\"eventType\":${eventType},\"region\":${region},"
            + "\"asOf\":${asOf},\"indicators\":${indicators}}",
            "eventType", "\"cholera\"", "region", "{\"code\":\"330106\",\"name\":\"杭州市西湖区\",\"level\":\"county\"}",
            "asOf", "\"2026-07-01\"", "indicators", "{\"cases\":12,\"countiesAffected\":1}");
    /** The same situation, holes inside region and indicators. */
    static final JsonTemplate SITUATION_PARTS = JsonTemplate.of("{\"eventType\":\"cholera\",\"region\":{\"code\":"
            + "${code},\"name\":${name},\"level\":${level}},\"asOf\":\"2026-07-01\",\"indicators\":{\"cases\":${cases},"
            + "\"countiesAffected\":${countiesAffected}}${more}}",
            "code", "\"330106\"", "name", "\"杭州市西湖区\"", "level", "\"county\"", "cases", "12",
            "countiesAffected", "1", "more", "");
    static final JsonTemplate SIGNALS = JsonTemplate.of("{\"eventType\":\"influenza\",\"region\":{\"code\":\"330106\","
            + "\"level\":\"county\"},\"asOf\":\"2021-07-01\",\"indicators\":{},\"signals\":${signals}}",
            "signals", "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,2,3]}]");
    static final JsonTemplate RISK_MAP = JsonTemplate.of("{\"eventType\":${eventType},\"asOf\":${asOf},"
            + "\"regions\":[${first},{\"region\":${region},\"indicators\":${indicators}}]}",
            "eventType", "\"covid19\"", "asOf", "\"2020-02-12\"",
            "first", "{\"region\":{\"code\":\"330001\",\"level\":\"county\"},\"indicators\":{\"cumulativeConfirmed\":"
                    + "120,\"newCases7d\":25,\"clusters14d\":3,\"localCaseShare\":70,\"daysWithoutNewCase\":0}}",
            "region", "{\"code\":\"330002\",\"level\":\"county\"}",
            "indicators", "{\"cumulativeConfirmed\":30,\"newCases7d\":12,\"clusters14d\":0,\"localCaseShare\":40,"
                    + "\"daysWithoutNewCase\":1}");
    static final JsonTemplate NEW_USER = JsonTemplate.of("{\"username\":${username},\"roles\":${roles},"
            + "\"password\":${password}}", "username", "\"corpus-never-created\"", "roles", "[\"caller\"]",
            "password", "\"a-long-enough-password\"");
    static final JsonTemplate USER_CHANGE = JsonTemplate.of("{\"roles\":${roles},\"enabled\":${enabled}}",
            "roles", "[\"caller\"]", "enabled", "true");

    /** Text that must stay text: SQL, rule and expression languages, traversal, header and markup injection. */
    static final List<String> HOSTILE_TEXT = List.of("' OR '1'='1", "'; DROP TABLE evaluation; --",
            "1 UNION SELECT password_hash FROM beacon_user--", "rule \"x\" when then System.exit(0); end",
            "java.lang.Runtime.getRuntime().exec(\"id\")", "${jndi:ldap://127.0.0.1/a}", "#{7*7}",
            "../../../../etc/passwd", "cholera\r\nX-Injected: 1", "<script>alert(1)</script>", "chol\u0000era",
            "\u202Eareloh\u202C", "\uD800", "x".repeat(100_000));

    private BodyCorpus() {
    }

    /**
     * @param ownUser the user whose password and roles the user cases try to change
     * @param ownPassword that user's password: the valid body of the password endpoints sets it again, so that a
     *     case wrongly accepted shows as a write without locking the test out
     */
    static void addTo(Cases cases, String ownUser, String ownPassword) {
        malformed(cases, ownUser, ownPassword);
        evaluation(cases);
        signals(cases);
        batch(cases);
        riskMap(cases);
        users(cases, ownUser, ownPassword);
    }

    /** Documents that are not JSON, or not the JSON each endpoint reads, sent to every endpoint that reads JSON. */
    private static void malformed(Cases cases, String ownUser, String ownPassword) {
        record Target(String method, String path, String valid, Caller caller) {
        }
        List<Target> targets = List.of(
                new Target("POST", "/evaluations", SITUATION.valid(), Caller.ADMIN),
                new Target("POST", "/evaluations/batch", "{\"situations\":[" + SITUATION.valid() + "]}", Caller.ADMIN),
                new Target("POST", "/risk-map", RISK_MAP.valid(), Caller.ADMIN),
                new Target("POST", "/users", NEW_USER.valid(), Caller.ADMIN),
                new Target("PATCH", "/users/" + ownUser, USER_CHANGE.valid(), Caller.ADMIN),
                new Target("POST", "/users/" + ownUser + "/password", "{\"password\":" + quoted(ownPassword) + "}",
                        Caller.ADMIN),
                new Target("POST", "/users/me/password", "{\"password\":" + quoted(ownPassword) + "}",
                        Caller.OWN_USER));
        for (Target t : targets) {
            cases.group("malformed JSON: " + t.method() + " " + t.path().replace(ownUser, "{name}")).as(t.caller());
            String v = t.valid();
            // the password endpoints take an absent body as "generate one": an empty body is not malformed there
            if (!t.path().endsWith("/password")) {
                cases.json(t.method(), t.path(), "empty body", "", 400);
                cases.json(t.method(), t.path(), "only white space", " \n\t ", 400);
            }
            cases.json(t.method(), t.path(), "truncated after the first brace", "{", 400);
            cases.json(t.method(), t.path(), "truncated half-way", v.substring(0, v.length() / 2), 400);
            cases.json(t.method(), t.path(), "missing its last brace", v.substring(0, v.length() - 1), 400);
            cases.json(t.method(), t.path(), "trailing garbage", v + " garbage", 400);
            cases.json(t.method(), t.path(), "two documents", v + v, 400);
            cases.json(t.method(), t.path(), "a /* comment */", "/* hi */" + v, 400);
            cases.json(t.method(), t.path(), "a // comment", "// hi\n" + v, 400);
            cases.json(t.method(), t.path(), "single quotes", v.replace('"', '\''), 400);
            cases.json(t.method(), t.path(), "unquoted names", v.replaceAll("\"(\\w+)\":", "$1:"), 400);
            cases.json(t.method(), t.path(), "a trailing comma", v.substring(0, v.length() - 1) + ",}", 400);
            cases.bytes(t.method(), t.path(), "invalid UTF-8 inside a string", Cases.JSON,
                    concat("{\"x\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28,
                            (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8)), 400);
            cases.json(t.method(), t.path(), "a raw control character in a string", "{\"x\":\"a\u0001b\"}", 400);
            cases.json(t.method(), t.path(), "an array, not an object", "[" + v + "]", 400);
            cases.json(t.method(), t.path(), "a string, not an object", "\"hello\"", 400);
            cases.json(t.method(), t.path(), "a number, not an object", "42", 400);
            cases.json(t.method(), t.path(), "true, not an object", "true", 400);
            cases.json(t.method(), t.path(), "NaN, not an object", "NaN", 400);
            cases.json(t.method(), t.path(), "an unknown field", v.substring(0, v.length() - 1)
                    + ",\"isAdmin\":true}", 400);
            cases.json(t.method(), t.path(), "a field twice", v.substring(0, v.length() - 1)
                    + "," + v.substring(1), 400);
            cases.json(t.method(), t.path(), "100,000 nested arrays", "[".repeat(100_000), 400);
            cases.json(t.method(), t.path(), "100,000 nested objects", "{\"a\":".repeat(100_000), 400);
            cases.json(t.method(), t.path(), "an unterminated string", "{\"x\":\"abc", 400);
            cases.json(t.method(), t.path(), "an escape that is not one", "{\"x\":\"\\q\"}", 400);
        }
    }

    private static void evaluation(Cases cases) {
        cases.group("POST /evaluations: wrong field types and values");
        wrong(cases, "/evaluations", SITUATION, "eventType", "12", "true", "[]", "{}", "null", "\"\"", "\"CHOLERA!\"",
                "\"no-such-event\"");
        wrong(cases, "/evaluations", SITUATION, "region", "\"330106\"", "1", "[]", "true", "null", "{}");
        wrong(cases, "/evaluations", SITUATION, "asOf", "\"2026-13-01\"", "\"2026-02-30\"", "\"01/07/2026\"",
                "\"tomorrow\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"",
                "\"0000-00-00\"", "true", "{}", "\"2026-7-1\"", "20260701000", "[2026,7,1]", "[\"2026-07-01\"]",
                "\"2026-07-01 \"", "\" 2026-07-01\"", "\"2026-07-01\\t\"", "\"+12026-07-01\"", "\"2026-07-01T00:00\"",
                "\"2026-07-01Z\"", "\"２０２６-07-01\"");
        wrong(cases, "/evaluations", SITUATION, "indicators", "[]", "\"cases=12\"", "12", "true",
                "{\"cases\":12,\"cases\":13}", "{\"noSuchIndicator\":1}", "{\"\":1}",
                "{\"eventType\":\"cholera\"}", "{\"asOf\":\"2026-07-01\"}", "{\"region\":\"330106\"}",
                "{\"adminLevel\":\"county\"}", "{\"a/b\":1}");
        wrong(cases, "/evaluations", SITUATION_PARTS, "code", "{}", "[]", "null", "\"\"", "\"   \"");
        wrong(cases, "/evaluations", SITUATION_PARTS, "level", "\"galaxy\"", "3", "[]", "{}", "\"\"");
        wrong(cases, "/evaluations", SITUATION_PARTS, "name", "{}", "[]");

        cases.group("POST /evaluations: numbers no count can be");
        // read as written, never through a double: 29.999999999999999999 is not 30, nor 1E-400 zero
        wrong(cases, "/evaluations", SITUATION_PARTS, "cases", "-1", "1.5", "12.5000000001", "29.999999999999999999",
                "12.000000000000000001", "1E-400", "1e-999999999", "1E+999999999", "-1E+400", "1.7976931348623159E308",
                "\"12\"", "\"twelve\"", "true", "{}", "[12]", "1e400", "-1e400", "1e-7",
                "9".repeat(999), "9".repeat(1001), "9".repeat(5000), "-" + "9".repeat(999), "NaN", "Infinity", "-Infinity", "+12",
                "012", "0x0C", ".5", "12.", "1e", "--1", "\"NaN\"", "\"Infinity\"", "1E+2147483648");
        wrong(cases, "/evaluations", SITUATION_PARTS, "countiesAffected", "-0.5", "-2147483649", "1.0e-1");

        cases.group("POST /evaluations: hostile text in fields that name something");
        for (String hostile : HOSTILE_TEXT) {
            wrong(cases, "/evaluations", SITUATION, "eventType", quoted(hostile));
            wrong(cases, "/evaluations", SITUATION_PARTS, "level", quoted(hostile));
            wrong(cases, "/evaluations", SITUATION_PARTS, "more", "," + quoted(hostile) + ":1");
        }
        cases.group("POST /evaluations: region text a store cannot keep");
        wrong(cases, "/evaluations", SITUATION_PARTS, "code", quoted("3".repeat(51)), quoted("x".repeat(100_000)),
                quoted("330106\u0000"), quoted("330106\r\nX-Injected: 1"), quoted("\u0007"));
        wrong(cases, "/evaluations", SITUATION_PARTS, "name", quoted("名".repeat(201)), quoted("x".repeat(100_000)),
                quoted("西湖区\u0000"));
        cases.group("POST /evaluations: query parameters");
        cases.json("POST", "/evaluations?explain=maybe", "explain=maybe", SITUATION.valid(), 400);
        cases.json("POST", "/evaluations?ruleSet=v999999", "an unknown ruleSet", SITUATION.valid(), 404);
        cases.json("POST", "/evaluations?ruleSet=" + Cases.encode("' OR '1'='1"), "SQL as ruleSet", SITUATION.valid(),
                404);
        cases.json("POST", "/evaluations?ruleSet=" + Cases.encode("../../tables"), "a path as ruleSet",
                SITUATION.valid(), 404);
    }

    private static void signals(Cases cases) {
        cases.group("POST /evaluations: surveillance signals");
        wrong(cases, "/evaluations", SIGNALS, "signals", "{}", "\"ili\"", "[1,2,3]", "[null]", "[{}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,-2,3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,NaN,3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,\"NaN\",3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,\"Infinity\",3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,1e400,3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,null,3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":\"1,2,3\"}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[[1],[2],[3]]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-07-05\",\"values\":[1,2,3,4,5]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-31\",\"values\":[1,2,3]}]",
                "[{\"source\":\"ili\",\"start\":[2021,6,29],\"values\":[1,2,3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29 \",\"values\":[1,2,3]}]",
                "[{\"source\":\"nope\",\"start\":\"2021-06-29\",\"values\":[1,2,3]}]",
                "[{\"source\":\"ili\",\"values\":[1,2,3]}]",
                "[{\"start\":\"2021-06-29\",\"values\":[1,2,3]}]",
                "[{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,2,3],\"weight\":2}]",
                "[{\"source\":\"ili\",\"start\":\"2010-01-01\",\"values\":[" + "1,".repeat(4200) + "1]}]",
                "[" + "{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,2,3]},".repeat(50)
                        + "{\"source\":\"ili\",\"start\":\"2021-06-29\",\"values\":[1,2,3]}]");
    }

    private static void batch(Cases cases) {
        cases.group("POST /evaluations/batch: the envelope");
        JsonTemplate batch = JsonTemplate.of("{\"situations\":${situations}}", "situations", "[]");
        wrong(cases, "/evaluations/batch", batch, "situations", "{}", "\"all\"", "7", "true", "[[]");
        cases.json("POST", "/evaluations/batch", "10,001 situations", batch.with("situations", "["
                + "{},".repeat(10_000) + "{}]"), 413);
        cases.json("POST", "/evaluations/batch?explain=perhaps", "explain=perhaps",
                "{\"situations\":[" + SITUATION.valid() + "]}", 400);
        cases.json("POST", "/evaluations/batch?ruleSet=v999999", "an unknown ruleSet",
                "{\"situations\":[" + SITUATION.valid() + "]}", 404);
    }

    private static void riskMap(Cases cases) {
        cases.group("POST /risk-map: wrong field types and values");
        wrong(cases, "/risk-map", RISK_MAP, "eventType", "null", "[]", "\"no-such-event\"", quoted("' OR '1'='1"));
        wrong(cases, "/risk-map", RISK_MAP, "asOf", "\"2020-02-30\"", "\"yesterday\"", "12", "\"+10000-01-01\"",
                "[2020,2,12]", "\"2020-02-12 \"");
        wrong(cases, "/risk-map", RISK_MAP, "region", "null", "\"330002\"", "{\"level\":\"county\"}",
                "{\"code\":\"330002\",\"level\":\"galaxy\"}", "{\"code\":" + quoted("3".repeat(51)) + "}",
                "{\"code\":\"330002\\u0000\"}", "{\"code\":\"330001\",\"level\":\"county\"}");
        wrong(cases, "/risk-map", RISK_MAP, "indicators", "[]", "{\"cumulativeConfirmed\":-1}",
                "{\"cumulativeConfirmed\":1e400}", "{\"cumulativeConfirmed\":NaN}", "{\"newCases7d\":\"many\"}",
                "{\"cumulativeConfirmed\":" + "9".repeat(1001) + "}", "{\"localCaseShare\":101}",
                "{\"cumulativeConfirmed\":59.9999999999999999999}", "{\"cumulativeConfirmed\":1E-400}");
        JsonTemplate regions = JsonTemplate.of("{\"eventType\":\"covid19\",\"asOf\":\"2020-02-12\",\"regions\":"
                + "${regions}}", "regions", "[]");
        wrong(cases, "/risk-map", regions, "regions", "null", "{}", "\"all\"", "[null]", "[7]", "[[]]");
    }

    private static void users(Cases cases, String ownUser, String ownPassword) {
        cases.group("POST /users: wrong field types and values");
        wrong(cases, "/users", NEW_USER, "username", "null", "\"\"", "\"me\"", "\"-starts-with-a-dash\"",
                "\"has space\"", "\"x\"".replace("x", "x".repeat(101)), "[]", "{}",
                "\"../admin\"", "\"admin\\u0000\"", "\"名字\"", "\"admin\\r\\nX-Injected: 1\"");
        for (String hostile : HOSTILE_TEXT) {
            wrong(cases, "/users", NEW_USER, "username", quoted(hostile));
        }
        cases.json("POST", "/users", "a user that exists", NEW_USER.with("username", "\"caller\""), 409);
        cases.json("POST", "/users", "a user that exists, in capitals", NEW_USER.with("username", "\"CALLER\""), 409);
        cases.json("POST", "/users", "a user that exists, capitalised", NEW_USER.with("username", "\"Caller\""), 409);
        cases.json("POST", "/users", "me in capitals", NEW_USER.with("username", "\"ME\""), 400);
        wrong(cases, "/users", NEW_USER, "roles", "null", "[]", "\"caller\"", "[\"root\"]", "[null]", "[1]",
                "[\"caller\",\"superuser\"]", "{\"caller\":true}", "[[\"caller\"]]", "[\"ADMIN' --\"]");
        wrong(cases, "/users", NEW_USER, "password", "\"short\"", "\"\"", "[]", "{}", "12345",
                quoted("p".repeat(73)), quoted("密".repeat(25)));
        cases.group("PATCH /users/{name}: wrong field types and values");
        String path = "/users/" + ownUser;
        wrong(cases, "PATCH", path, USER_CHANGE, "roles", "[]", "\"caller\"", "[\"root\"]", "[null]",
                "{\"admin\":true}", "[\"caller\",\"' OR '1'='1\"]");
        wrong(cases, "PATCH", path, USER_CHANGE, "enabled", "\"yes\"", "\"off\"", "[]", "{}", "\"enabled\"");
        cases.json("PATCH", path, "a password field", "{\"password\":\"a-long-enough-password\"}", 400);
        cases.json("PATCH", path, "a username field", "{\"username\":\"renamed\"}", 400);
        cases.json("PATCH", "/users/no-such-user-anywhere", "an unknown user", USER_CHANGE.valid(), 404);
        cases.json("PATCH", "/users/" + Cases.encode("' OR '1'='1"), "SQL as the user", USER_CHANGE.valid(), 404);
        cases.group("POST /users/{name}/password and /users/me/password: bad passwords");
        JsonTemplate password = JsonTemplate.of("{\"password\":${password}}", "password", quoted(ownPassword));
        for (String p : List.of(path + "/password", "/users/me/password")) {
            cases.as(p.contains("/me/") ? Caller.OWN_USER : Caller.ADMIN);
            wrong(cases, "POST", p, password, "password", "\"short\"", "\"\"", "\"           \"", "[]", "{}",
                    "12345", "true", quoted("p".repeat(73)), quoted("密".repeat(25)));
        }
        cases.as(Caller.ADMIN);
        cases.json("POST", "/users/no-such-user-anywhere/password", "an unknown user",
                "{\"password\":\"a-long-enough-password\"}", 404);
    }

    /** One case per value: {@code template} with {@code raw} in {@code hole}, POSTed, 400 expected. */
    private static void wrong(Cases cases, String path, JsonTemplate template, String hole, String... raws) {
        wrong(cases, "POST", path, template, hole, raws);
    }

    private static void wrong(Cases cases, String method, String path, JsonTemplate template, String hole,
            String... raws) {
        for (String raw : raws) {
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "… (" + raw.length() + " characters)" : raw;
            cases.json(method, path, hole + " = " + shown.replace("\u0000", "\\u0000").replace("\r", "\\r")
                    .replace("\n", "\\n"), template.with(hole, raw), 400);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
