package org.beacon.service.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.beacon.service.Http;
import org.beacon.service.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workers of a mixed load, each signed in with the role its work needs: callers decide single situations and
 * batches; an editor uploads versions of the bundled tables that differ in the cholera threshold and tries each
 * pinned; two admins activate and roll back those versions, racing each other; a reviewer replays the example
 * timelines, in bursts that meet a full queue, and reads and checks the audit trail.
 *
 * <p>Every answer is checked for what a user sees: a decision names a version that was in force (or the one pinned)
 * and answers as that version's threshold says; every decision answered 200 is in the audit trail under the same
 * version ({@link AuditSlices}); a replay ends done. Thread-safe: each worker keeps its own state.
 */
final class MixedLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 20;

    private final int port;
    private final TestUsers users;
    private final String run;
    private final CholeraVariants variants;
    private final AuditSlices audit;
    private final List<ObjectNode> examples = new ArrayList<>();
    /** Every version this run may meet, with its cholera threshold. */
    private final Map<String, Integer> thresholds = new ConcurrentHashMap<>();
    private final List<String> uploaded = new CopyOnWriteArrayList<>();
    /** Added to before an activation is sent: from then on a decision may name the version. */
    private final Set<String> mayBeInForce = ConcurrentHashMap.newKeySet();
    private final List<String> activated = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploads = new AtomicInteger();
    private final String initial;

    MixedLoad(int port, TestUsers users, String run, CholeraVariants variants, String inForce) throws Exception {
        this.port = port;
        this.users = users;
        this.run = run;
        this.variants = variants;
        this.audit = new AuditSlices(run);
        this.initial = inForce;
        thresholds.put(inForce, variants.bundledThreshold());
        mayBeInForce.add(inForce);
        try (var files = Files.list(Path.of("..", "examples", "requests"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                examples.add((ObjectNode) JSON.readTree(Files.readString(p)));
            }
        }
    }

    AuditSlices audit() {
        return audit;
    }

    List<Callable<Void>> callers(int n, LoadRecorder recorder) {
        List<Callable<Void>> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int worker = i;
            workers.add(() -> caller(worker, recorder));
        }
        return workers;
    }

    List<Callable<Void>> mix(int callers, LoadRecorder recorder) {
        List<Callable<Void>> workers = callers(callers, recorder);
        workers.add(() -> editor(recorder));
        workers.add(() -> admin(1, recorder));
        workers.add(() -> admin(2, recorder));
        workers.add(() -> reviewer(recorder));
        return workers;
    }

    private Void caller(int worker, LoadRecorder recorder) {
        Http http = new Http(port, users.caller());
        AuditSlices.Writer slices = audit.writer(recorder, new Http(port, users.reviewer()));
        SplittableRandom random = new SplittableRandom(run.hashCode() * 31L + worker);
        for (int n = 1; recorder.running(); n++) {
            if (n % 10 == 0) {
                batch(http, slices, random, recorder);
            } else if (n % 4 == 0) {
                ObjectNode situation = examples.get(random.nextInt(examples.size())).deepCopy();
                ((ObjectNode) situation.get("region")).put("code", slices.region(1));
                Http.Response r = recorder.call("evaluate an example", Set.of(),
                        () -> http.postJson("/evaluations", situation.toString()));
                if (ok(r)) {
                    decided(r.json(), null, null, slices, recorder);
                }
            } else {
                int cases = 10 + random.nextInt(51);
                boolean explain = n % 2 == 0;
                String body = cholera(slices.region(1), cases);
                Http.Response r = recorder.call(explain ? "evaluate" : "evaluate, explain=false", Set.of(),
                        () -> http.postJson("/evaluations?explain=" + explain, body));
                if (ok(r)) {
                    decided(r.json(), cases, null, slices, recorder);
                }
            }
        }
        slices.close();
        return null;
    }

    private void batch(Http http, AuditSlices.Writer slices, SplittableRandom random, LoadRecorder recorder) {
        String region = slices.region(BATCH);
        int[] cases = new int[BATCH];
        StringBuilder body = new StringBuilder("{\"situations\":[");
        for (int i = 0; i < BATCH; i++) {
            cases[i] = 10 + random.nextInt(51);
            body.append(i == 0 ? "" : ",").append(cholera(region, cases[i]));
        }
        body.append("]}");
        Http.Response r = recorder.call("evaluate a batch of " + BATCH, Set.of(),
                () -> http.postJson("/evaluations/batch?explain=false", body.toString()));
        if (!ok(r)) {
            return;
        }
        JsonNode results = r.json().at("/results");
        if (results.size() != BATCH || r.json().at("/failed").asInt() != 0) {
            recorder.problem("a batch of " + BATCH + " answered " + results.size() + " results, "
                    + r.json().at("/failed").asInt() + " failed");
        }
        for (JsonNode item : results) {
            decided(item.at("/evaluation"), cases[item.at("/index").asInt()], null, slices, recorder);
        }
    }

    /** One version uploaded before the load, so that the admins have one to activate from its first second. */
    void uploadFirstVersion(LoadRecorder recorder) {
        AuditSlices.Writer slices = audit.writer(recorder, new Http(port, users.reviewer()));
        upload(new Http(port, users.editor()), slices, new SplittableRandom(run.hashCode() * 43L), recorder);
        slices.close();
    }

    private Void editor(LoadRecorder recorder) {
        Http http = new Http(port, users.editor());
        AuditSlices.Writer slices = audit.writer(recorder, new Http(port, users.reviewer()));
        SplittableRandom random = new SplittableRandom(run.hashCode() * 37L);
        while (recorder.running()) {
            upload(http, slices, random, recorder);
        }
        slices.close();
        return null;
    }

    /** Uploads a variant with a random threshold, then tries it pinned. */
    private void upload(Http http, AuditSlices.Writer slices, SplittableRandom random, LoadRecorder recorder) {
        int k = uploads.incrementAndGet();
        int threshold = 16 + random.nextInt(45);
        Map<String, byte[]> files = variants.withThreshold(threshold, "load run " + run + ", upload " + k);
        Http.Response r = recorder.call("upload", Set.of(),
                () -> http.postFiles("/rule-sets", Map.of("comment", "cholera Ⅱ from " + threshold), files));
        if (!ok(r)) {
            return;
        }
        String id = r.json().at("/id").asString();
        thresholds.put(id, threshold);
        uploaded.add(id);
        recorder.count("versions uploaded", 1);
        int cases = 10 + random.nextInt(51);
        String body = cholera(slices.region(1), cases);
        Http.Response tried = recorder.call("evaluate pinned to the new version", Set.of(),
                () -> http.postJson("/evaluations?explain=false&ruleSet=" + id, body));
        if (ok(tried)) {
            decided(tried.json(), cases, id, slices, recorder);
        }
    }

    private Void admin(int worker, LoadRecorder recorder) {
        Http http = new Http(port, users.admin());
        SplittableRandom random = new SplittableRandom(run.hashCode() * 41L + worker);
        while (recorder.running()) {
            recorder.pause(100 + random.nextInt(300));
            if (uploaded.isEmpty() || !recorder.running()) {
                continue;
            }
            if (activated.isEmpty() || random.nextInt(10) < 7) {
                String id = uploaded.get(Math.max(0, uploaded.size() - 1 - random.nextInt(3)));
                mayBeInForce.add(id);
                // 409: the other admin changed the versions in force at the same moment
                Http.Response r = recorder.call("activate", Set.of(409),
                        () -> http.postJson("/rule-sets/" + id + "/activation", ""));
                if (ok(r)) {
                    ((CopyOnWriteArrayList<String>) activated).addIfAbsent(id);
                    recorder.count("activations", 1);
                }
            } else {
                String id = activated.get(random.nextInt(activated.size()));
                // 409: raced by the other admin, or already rolled back by it
                Http.Response r = recorder.call("roll back", Set.of(409),
                        () -> http.postJson("/rule-sets/" + id + "/rollback", ""));
                if (ok(r)) {
                    recorder.count("rollbacks", 1);
                }
            }
        }
        return null;
    }

    private Void reviewer(LoadRecorder recorder) {
        Http http = new Http(port, users.reviewer());
        List<String> runs = new ArrayList<>();
        for (int cycle = 1; recorder.running(); cycle++) {
            if (runs.isEmpty()) {
                // every fourth time a burst of four: with 2 running and 1 queued, the last one finds no place
                for (int i = cycle % 4 == 0 ? 4 : 1; i > 0; i--) {
                    startReplay(http, cycle + i, runs, recorder);
                }
            }
            pollReplays(http, runs, recorder);
            AuditSlices.Slice slice = audit.next();
            if (slice != null) {
                audit.check(slice, http, recorder);
            } else {
                readAudit(http, recorder);
            }
            if (cycle % 10 == 0) {
                recorder.call("rule-set events", Set.of(), () -> http.get("/rule-sets/events"));
            }
            recorder.pause(50);
        }
        long until = System.nanoTime() + 120_000_000_000L;
        while (!runs.isEmpty() && System.nanoTime() < until) {
            pollReplays(http, runs, recorder);
            sleep(200);
        }
        if (!runs.isEmpty()) {
            recorder.problem("replays not ended 2 minutes after the load: " + runs);
        }
        return null;
    }

    private void startReplay(Http http, int n, List<String> runs, LoadRecorder recorder) {
        Map<String, String> form = n % 2 == 0
                ? Map.of("example", "covid-2020-zhejiang-hubei-guangdong.csv", "source", "canghailan",
                        "actualExample", "covid-2020-response-levels.csv")
                : Map.of("example", "dengue-guangdong-monthly-2004-2020.csv", "step", "month", "missingDays",
                        "zeroFill");
        // 503: every place, running or queued, is taken
        Http.Response r = recorder.call("replay start", Set.of(503), () -> http.postForm("/replays", form, List.of()));
        if (r == null) {
            return;
        }
        if (r.status() == 202) {
            runs.add(r.json().at("/id").asString());
        } else if (r.status() == 503) {
            String retry = r.header("Retry-After");
            if (retry == null || !retry.matches("[1-9][0-9]*")) {
                recorder.problem("503 for a replay without a Retry-After in seconds: " + retry);
            }
        }
    }

    private static void pollReplays(Http http, List<String> runs, LoadRecorder recorder) {
        for (String id : List.copyOf(runs)) {
            Http.Response r = recorder.call("replay status", Set.of(), () -> http.get("/replays/" + id));
            if (!ok(r)) {
                continue;
            }
            String status = r.json().at("/status").asString();
            if (status.equals("done")) {
                runs.remove(id);
                recorder.count("replays done", 1);
            } else if (status.equals("failed")) {
                runs.remove(id);
                recorder.problem("replay " + id + " failed: " + r.json().at("/error").asString());
            }
        }
    }

    private static void readAudit(Http http, LoadRecorder recorder) {
        Http.Response page = recorder.call("audit page", Set.of(), () -> http.get("/evaluations?size=20"));
        if (!ok(page) || page.json().at("/items").isEmpty()) {
            return;
        }
        String id = page.json().at("/items/0/evaluationId").asString();
        Http.Response one = recorder.call("audit by id", Set.of(), () -> http.get("/evaluations/" + id));
        if (ok(one) && !id.equals(one.json().at("/evaluationId").asString())) {
            recorder.problem("GET /evaluations/" + id + " answered " + one.json().at("/evaluationId").asString());
        }
    }

    /** Checks one decision and remembers it for the audit check. {@code cases}: a cholera situation's. */
    private void decided(JsonNode d, Integer cases, String pinned, AuditSlices.Writer slices, LoadRecorder recorder) {
        String version = d.at("/ruleSet/id").asString();
        if (pinned != null ? !pinned.equals(version) : !mayBeInForce.contains(version)) {
            recorder.problem("a decision named " + version + (pinned != null ? ", pinned to " + pinned
                    : ", never put in force"));
        } else if (cases != null) {
            String expected = CholeraVariants.grade(thresholds.get(version), cases);
            if (!expected.equals(d.at("/grade/numeral").asString())) {
                recorder.problem(version + " (Ⅱ from " + thresholds.get(version) + ") graded " + cases + " cases "
                        + d.at("/grade/numeral").asString() + ", expected " + expected);
            }
        }
        if (!version.equals(initial)) {
            recorder.count("decisions by uploaded versions", 1);
        }
        recorder.count("situations decided", 1);
        slices.answered(d.at("/evaluationId").asString(), version);
    }

    private static String cholera(String region, int cases) {
        return "{\"eventType\":\"cholera\",\"region\":{\"code\":\"" + region + "\",\"level\":\"county\"},"
                + "\"indicators\":{\"cases\":" + cases + ",\"countiesAffected\":1}}";
    }

    private static boolean ok(Http.Response r) {
        return r != null && r.status() / 100 == 2;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
