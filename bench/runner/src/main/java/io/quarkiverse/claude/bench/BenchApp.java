package io.quarkiverse.claude.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Every benchmark of issues 8, 13 and 19, in one run, side by side; prints tables with ratios. The per-call section
 * and the scale curves run each client in a JVM of its own ({@link PerCall}, {@link ScaleCalls}, {@link ScaleStreams}),
 * the storm across replicas one application process per replica ({@link StormReplicas}); streaming, startup,
 * resilience and storm run here.
 */
public class BenchApp implements QuarkusApplication {

    static final int FAKE_PORT = Integer.getInteger("bench.fake-port", 18089);
    static final int SIM_PORT = Integer.getInteger("bench.sim-port", 18090);
    static final int PROXY_PORT = Integer.getInteger("bench.proxy-port", 18091);
    static final int APP_PORT = Integer.getInteger("bench.app-port", 18095);
    static final Path HOME = Path.of(System.getProperty("bench.home", "."));
    static final String MODEL = "claude-sonnet-4-6";

    static final int STREAMS = Integer.getInteger("bench.streams", 6);
    static final int STREAM_WARMUP = Integer.getInteger("bench.stream.warmup", 12);
    static final int STARTUP_RUNS = Integer.getInteger("bench.startup-runs", 9);
    static final int RES_CALLS = Integer.getInteger("bench.resilience.calls", 200);
    static final int RES_CONC = Integer.getInteger("bench.resilience.concurrency", 8);
    static final int STORM_CALLS = Integer.getInteger("bench.storm.calls", 200);
    static final int STORM_CONC = Integer.getInteger("bench.storm.concurrency", 8);
    static final double STORM_RATE = Double.parseDouble(System.getProperty("bench.storm.rate", "10"));
    static final int STORM_BURST = Integer.getInteger("bench.storm.burst", 5);
    static final double STORM_529 = Double.parseDouble(System.getProperty("bench.storm.overloaded", "0.05"));
    static final String SECTIONS = System.getProperty("bench.sections",
            "percall,stream,startup,resilience,storm,storm-replicas,scale-calls,scale-streams");
    static final java.util.Set<String> SECTION_SET = java.util.Set.of(SECTIONS.split("\\s*,\\s*"));

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("sim")
    ClaudeClient simClient;

    @Inject
    @ClaudeClientName("sim-short-529")
    ClaudeClient simShort529;

    /** The storm section's client with default settings: nothing configured but key, base URL and model. */
    @Inject
    @ClaudeClientName("storm")
    ClaudeClient stormClient;

    /** The same with {@code resilience.throttling.enabled=false}: it only obeys the 429s' {@code retry-after}. */
    @Inject
    @ClaudeClientName("storm-unthrottled")
    ClaudeClient stormUnthrottled;

    static final ObjectMapper MAPPER = new ObjectMapper();
    final StringBuilder report = new StringBuilder();

    @Override
    public int run(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = HOME.resolve("bench/runner/target/quarkus-app/quarkus-run.jar");
        Process fake = null;
        Files.createDirectories(HOME.resolve("bench/target"));
        try {
            out("# quarkus-claude benchmarks, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, load average " + loadAverage() + ", Java " + System.getProperty("java.version"));
            if (section("percall") || section("stream") || section("scale-calls")
                    || section("scale-streams")) {
                fake = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", ClientJvm.DIE_WITH_PARENT_FLAG,
                        "-Dbench.stream.deltas=" + FakeServer.DELTAS, "-jar", jar.toString(), "fake-server",
                        Integer.toString(FAKE_PORT)).redirectErrorStream(true)
                        .redirectOutput(HOME.resolve("bench/target/fake-server.log").toFile()).start();
                awaitListening(fake, HOME.resolve("bench/target/fake-server.log"), Duration.ofSeconds(60));
            }
            if (section("percall")) {
                PerCall.run(this::out);
            }
            if (section("stream")) {
                streaming();
            }
            List<Path> plots = new ArrayList<>();
            if (section("scale-calls")) {
                plots.add(ScaleCalls.run(this::out, HOME.resolve("bench/target")));
            }
            if (section("scale-streams")) {
                plots.add(ScaleStreams.run(this::out, HOME.resolve("bench/target"), fake.pid()));
            }
            if (!plots.isEmpty()) {
                Path curve = HOME.resolve("bench/target/scale-curve.png");
                CurvePlot.stack(plots, curve);
                out("Scale curve (both plots): `" + curve + "`\n");
            }
            if (fake != null) {
                fake.destroy();
                fake.waitFor(10, TimeUnit.SECONDS);
                fake = null;
            }
            if (section("startup")) {
                startup(java);
            }
            if (section("resilience")) {
                resilience();
            }
            if (section("storm")) {
                storm();
            }
            if (section("storm-replicas")) {
                StormReplicas.run(this::out);
            }
            out("load average at the end: " + loadAverage());
            Path file = HOME.resolve("bench/target/bench-results.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println("\n(written to " + file + ")");
            return 0;
        } finally {
            if (fake != null) {
                fake.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ streaming

    void streaming() throws Exception {
        AnthropicClient sdk = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + FAKE_PORT)
                .apiKey("sk-ant-api03-bench-key").build();
        MessageCreateParams params = MessageCreateParams.builder().model(MODEL).maxTokens(32000)
                .addUserMessage("Tell me a long story").build();
        long[] counts = new long[2];
        long[] cpu = new long[2];
        long[] bytes = new long[2];
        long[] wall = new long[2];
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        String[] names = { "official SDK 3.13.0 (createStreaming)", "quarkus-claude (stream → Multi)" };
        for (int round = -STREAM_WARMUP; round < STREAMS * 2; round++) {
            for (int k = 0; k < 2; k++) {
                int which = (k + Math.max(round, 0)) % 2;
                System.gc();
                Meter m = Meter.start();
                long events;
                if (which == 0) {
                    try (StreamResponse<RawMessageStreamEvent> s = sdk.messages().createStreaming(params)) {
                        events = s.stream().count();
                    }
                } else {
                    events = claude.messages().stream(MessageRequest.of("Tell me a long story"))
                            .collect().with(Collectors.counting()).await().indefinitely();
                }
                Meter.Sample s = m.stop();
                if (round >= 0) {
                    counts[which] += events;
                    cpu[which] += s.cpuNanos();
                    bytes[which] += s.allocatedBytes();
                    wall[which] += s.wallNanos();
                    rates.get(which).add(events / (s.cpuNanos() / 1e9));
                    if (Boolean.getBoolean("bench.verbose")) {
                        System.out.printf(Locale.ROOT, "stream round %d %s: %.0f events/CPU s, cpu %d ms, wall %d ms%n", round, which == 0 ? "sdk" : "qc", events / (s.cpuNanos() / 1e9), s.cpuNanos() / 1_000_000, s.wallNanos() / 1_000_000);
                    }
                }
            }
        }
        out("\n## 2. Streaming decode (" + FakeServer.DELTAS + " text deltas per answer, " + STREAM_WARMUP
                + " warm-up rounds, then " + STREAMS * 2 + " answers per client, alternating)\n");
        out("| client | events | events per CPU s (all answers) | × SDK | median per answer | × SDK | min – max per answer | bytes allocated/event | events per wall s |");
        out("|---|---:|---:|---:|---:|---:|---|---:|---:|");
        double sdkRate = counts[0] / (cpu[0] / 1e9);
        double sdkMedian = median(rates.get(0));
        for (int i = 0; i < 2; i++) {
            double rate = counts[i] / (cpu[i] / 1e9);
            double med = median(rates.get(i));
            out(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.0f | %.2f | %.0f – %.0f | %.0f | %.0f |", names[i],
                    counts[i], rate, rate / sdkRate, med, med / sdkMedian, Collections.min(rates.get(i)),
                    Collections.max(rates.get(i)), (double) bytes[i] / counts[i], counts[i] / (wall[i] / 1e9)));
        }
        out("");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // ------------------------------------------------------------------------------------------------ startup

    void startup(String java) throws Exception {
        Map<String, List<String>> apps = new LinkedHashMap<>();
        apps.put("app-plain (Quarkus REST, no extension)", List.of(java, "-Dquarkus.http.port=" + APP_PORT,
                "-Dquarkus.http.host=127.0.0.1", "-jar",
                HOME.resolve("bench/app-plain/target/quarkus-app/quarkus-run.jar").toString()));
        apps.put("app-deps (same + REST Client, Jackson, Fault Tolerance: the extension's libraries)", List.of(java,
                "-Dquarkus.http.port=" + APP_PORT, "-Dquarkus.http.host=127.0.0.1", "-jar",
                HOME.resolve("bench/app-deps/target/quarkus-app/quarkus-run.jar").toString()));
        apps.put("app-claude (same + quarkus-claude)", List.of(java, "-Dquarkus.http.port=" + APP_PORT,
                "-Dquarkus.http.host=127.0.0.1", "-jar",
                HOME.resolve("bench/app-claude/target/quarkus-app/quarkus-run.jar").toString()));
        Path demo = HOME.resolve("integration-tests/target/quarkus-app/quarkus-run.jar");
        if (Files.exists(demo)) {
            apps.put("demo app (integration-tests, --serve, simulator)", List.of(java, "-Dquarkus.http.port=" + APP_PORT,
                    "-Dquarkus.http.host=127.0.0.1", "-jar", demo.toString(), "--serve"));
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        apps.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        Map<String, List<Long>> rss = new LinkedHashMap<>(); // resident memory right after the first answer
        apps.keySet().forEach(k -> rss.put(k, new ArrayList<>()));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        for (int run = 0; run < STARTUP_RUNS + 1; run++) { // run 0 warms the file cache and is dropped
            for (Map.Entry<String, List<String>> app : apps.entrySet()) {
                String path = app.getKey().startsWith("demo") ? "/q/nothing" : "/hello";
                ProcessBuilder pb = new ProcessBuilder(app.getValue()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().remove("ANTHROPIC_API_KEY");
                long t0 = System.nanoTime();
                Process p = pb.start();
                try {
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + path))
                            .timeout(Duration.ofSeconds(5)).build();
                    while (true) {
                        if (!p.isAlive()) {
                            throw new IllegalStateException(app.getKey() + " exited with " + p.exitValue());
                        }
                        try {
                            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() > 0) {
                                break;
                            }
                        } catch (IOException notYet) {
                            Thread.sleep(2);
                        }
                        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
                            throw new IllegalStateException(app.getKey() + " did not answer within 60 s");
                        }
                    }
                    if (run > 0) {
                        times.get(app.getKey()).add((System.nanoTime() - t0) / 1_000_000);
                        rss.get(app.getKey()).add(rssKb(p.pid()));
                    }
                } finally {
                    p.destroy();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                    }
                }
            }
        }
        out("\n## 3. Startup: process start to first served HTTP request (JVM mode, " + STARTUP_RUNS
                + " runs each, interleaved)\n");
        out("| app | median ms | min ms | max ms | RSS after startup MB (median) | runs (ms) |");
        out("|---|---:|---:|---:|---:|---|");
        Map<String, Long> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : times.entrySet()) {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            medians.put(e.getKey(), median);
            List<Long> rssSorted = rss.get(e.getKey()).stream().sorted().toList();
            out(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s |", e.getKey(), median, sorted.get(0),
                    sorted.get(sorted.size() - 1), rssSorted.get(rssSorted.size() / 2) / 1024.0, e.getValue()));
        }
        List<Long> m = new ArrayList<>(medians.values());
        out(String.format(Locale.ROOT, "\nStartup cost of the extension (median app-claude − median app-plain): **%d ms**, "
                + "of which its libraries (app-deps − app-plain) %d ms and the extension itself (app-claude − app-deps) "
                + "%d ms\n", m.get(2) - m.get(0), m.get(1) - m.get(0), m.get(2) - m.get(1)));
    }

    // ------------------------------------------------------------------------------------------------ resilience

    interface Call {
        void call(String prompt) throws Exception;
    }

    /** The official SDK with its defaults (2 retries), calling through the recording proxy. */
    static Call sdkThroughProxy() {
        AnthropicClient sdk = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + PROXY_PORT)
                .apiKey(ClaudeSimulator.DEFAULT_API_KEY).build();
        return prompt -> sdk.messages().create(MessageCreateParams.builder().model(MODEL).maxTokens(64)
                .addUserMessage(prompt).build());
    }

    void resilience() throws Exception {
        Scenario scenario = Scenario.builder().name("bench").faultRate(429, 0.30).retryAfter(Duration.ofSeconds(1))
                .burst(529, 0.05, 3).build();
        try (ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults().port(SIM_PORT).scenario(scenario));
                RecordingProxy proxy = new RecordingProxy(PROXY_PORT, SIM_PORT)) {
            Map<String, Call> clients = new LinkedHashMap<>();
            clients.put("official SDK 3.13.0 defaults", sdkThroughProxy());
            clients.put("quarkus-claude defaults", prompt -> simClient.messages().create(MessageRequest.of(prompt)));
            clients.put("quarkus-claude, `overloaded.delay=500ms`",
                    prompt -> simShort529.messages().create(MessageRequest.of(prompt)));
            out("\n## 4. Resilience efficiency\n");
            out("Simulator scenario: " + scenario + "; " + RES_CALLS + " calls at concurrency " + RES_CONC
                    + ", each client against a freshly reset simulator (same seeded fault draws in arrival order).");
            out("Simple bound = max(longest chain's server-imposed waits, sum of all chains' server-imposed waits ÷ "
                    + RES_CONC + "); a server-imposed wait is the retry-after of a 429 that the client retried. "
                    + "Schedule bound = the same calls handed out in the same order to " + RES_CONC
                    + " workers by a client that costs nothing and waits exactly what the server says: each call "
                    + "takes its retried 429s' retry-after plus the server's own answer times; the last worker to "
                    + "finish sets the bound. Neither bound counts a wait after a 529 (the server names none).\n");
            out("| client | success | attempts | 429 | 529 | total s | simple bound s | × simple | schedule bound s | × schedule | attempts before retry-after elapsed | client waits after 429s (sum s) | client waits after 529s (sum s) |");
            out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            String[] tags = { "sdk", "qc", "qs" };
            int ci = 0;
            for (Map.Entry<String, Call> c : clients.entrySet()) {
                String tag = tags[ci++];
                sim.reset();
                sim.scenario(scenario);
                proxy.clear();
                ClosedLoop run = ClosedLoop.run(c.getValue(), tag, RES_CALLS, RES_CONC);
                double total = run.seconds();
                Thread.sleep(200);
                List<RecordingProxy.Attempt> attempts = proxy.attempts();
                Map<String, List<RecordingProxy.Attempt>> chains = attempts.stream()
                        .collect(Collectors.groupingBy(RecordingProxy.Attempt::callId));
                long early = 0;
                double sumWaits = 0, maxWait = 0, waited429 = 0, waited529 = 0;
                for (List<RecordingProxy.Attempt> chain : chains.values()) {
                    chain.sort((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos()));
                    double w = 0;
                    for (int k = 0; k + 1 < chain.size(); k++) {
                        RecordingProxy.Attempt a = chain.get(k);
                        double gap = (chain.get(k + 1).arrivedNanos() - a.answeredNanos()) / 1e9;
                        if (a.status() == 429) {
                            waited429 += gap;
                        } else if (a.status() == 529) {
                            waited529 += gap;
                        }
                        if (a.retryAfterMs() > 0) {
                            w += a.retryAfterMs() / 1e3;
                            if (chain.get(k + 1).arrivedNanos() - a.answeredNanos() < a.retryAfterMs() * 1_000_000L) {
                                early++;
                                System.out.printf(Locale.ROOT, "early retry in %s: %.1f ms after a %d with retry-after %d ms; chain %s%n",
                                        a.callId(), gap * 1e3, a.status(), a.retryAfterMs(), chain.stream()
                                                .map(x -> x.status() + "").collect(Collectors.joining(",")));
                            }
                        }
                    }
                    sumWaits += w;
                    maxWait = Math.max(maxWait, w);
                }
                double bound = Math.max(maxWait, sumWaits / RES_CONC);
                double schedule = scheduleBound(chains, RES_CONC);
                long s429 = attempts.stream().filter(a -> a.status() == 429).count();
                long s529 = attempts.stream().filter(a -> a.status() == 529).count();
                out(String.format(Locale.ROOT, "| %s | %d/%d (%.1f%%)%s | %d | %d | %d | %.1f | %.1f | %.2f | %.1f | %.2f | %d | %.1f | %.1f |",
                        c.getKey(), run.ok(), RES_CALLS, 100.0 * run.ok() / RES_CALLS, run.failureSummary(),
                        attempts.size(), s429, s529, total, bound, total / bound, schedule, total / schedule, early,
                        waited429, waited529));
            }
            out("");
        }
    }

    /**
     * The makespan of handing the calls out in their order ({@code bench-call-<tag>-<i>}) to {@code workers} workers,
     * each call taking what the server imposed on it: the retry-after of each retried 429 and the server's answer time
     * of each attempt (as the proxy saw it).
     */
    static double scheduleBound(Map<String, List<RecordingProxy.Attempt>> chains, int workers) {
        List<Map.Entry<String, List<RecordingProxy.Attempt>>> ordered = new ArrayList<>(chains.entrySet());
        ordered.sort(java.util.Comparator.comparingInt(e -> callIndex(e.getKey())));
        java.util.PriorityQueue<Double> free = new java.util.PriorityQueue<>();
        for (int w = 0; w < workers; w++) {
            free.add(0.0);
        }
        double end = 0;
        for (Map.Entry<String, List<RecordingProxy.Attempt>> chain : ordered) {
            List<RecordingProxy.Attempt> attempts = chain.getValue();
            double needed = 0;
            for (int k = 0; k < attempts.size(); k++) {
                RecordingProxy.Attempt a = attempts.get(k);
                needed += (a.answeredNanos() - a.arrivedNanos()) / 1e9;
                if (k + 1 < attempts.size() && a.retryAfterMs() > 0) {
                    needed += a.retryAfterMs() / 1e3;
                }
            }
            double finish = free.poll() + needed;
            free.add(finish);
            end = Math.max(end, finish);
        }
        return end;
    }

    private static int callIndex(String callId) {
        try {
            return Integer.parseInt(callId.substring(callId.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    // ------------------------------------------------------------------------------------------------ storm (issue 13)

    /**
     * A rate-limit storm: the simulator's token bucket (10 requests/s, burst 5, like the API's limiter) with 5 % of the
     * admitted requests answered 529, and 200 calls from 8 threads, far more than the bucket admits. Each client runs
     * against a freshly reset simulator (full bucket, the scenario's draws from its seed) behind the recording proxy.
     */
    void storm() throws Exception {
        Scenario overloaded = Scenario.builder().name("storm").faultRate(529, STORM_529).build();
        SimulatorOptions options = SimulatorOptions.defaults().port(SIM_PORT).tokenBucket(STORM_RATE, STORM_BURST)
                .scenario(overloaded);
        try (ClaudeSimulator sim = ClaudeSimulator.start(options);
                RecordingProxy proxy = new RecordingProxy(PROXY_PORT, SIM_PORT)) {
            Map<String, Call> clients = new LinkedHashMap<>();
            clients.put("official SDK 3.13.0 defaults", sdkThroughProxy());
            clients.put("quarkus-claude defaults", prompt -> stormClient.messages().create(MessageRequest.of(prompt)));
            clients.put("quarkus-claude, `resilience.throttling.enabled=false`",
                    prompt -> stormUnthrottled.messages().create(MessageRequest.of(prompt)));
            out("\n## 5. Storm (issue 13): " + STORM_CALLS + " calls on " + STORM_CONC + " threads into a token bucket of "
                    + fmt(STORM_RATE) + " requests/s, burst " + STORM_BURST + "\n");
            out("Simulator: token bucket " + fmt(STORM_RATE) + " requests/s, burst " + STORM_BURST
                    + " (429 `rate_limit_error` with `retry-after` = whole seconds until a token, rounded up; "
                    + "`anthropic-ratelimit-requests-limit/-remaining/-reset` on every answer), "
                    + percent(STORM_529) + " of the admitted requests answered 529 (" + overloaded + "; an admitted "
                    + "request answered 529 has taken its token). " + STORM_CALLS + " calls, " + STORM_CONC
                    + " threads each taking the next call when free; each client makes one warm-up call, then runs "
                    + "against a freshly reset simulator (full bucket) behind the recording proxy.");
            out("Lower bound = (tokens needed − burst) ÷ rate = (" + STORM_CALLS + " successful calls + the run's 529s − "
                    + STORM_BURST + ") ÷ " + fmt(STORM_RATE) + "/s: every successful attempt and every attempt answered "
                    + "529 takes a token, the bucket starts with " + STORM_BURST + " and refills at " + fmt(STORM_RATE)
                    + "/s (server answer times, ≈ 1 ms, ignored). A client that gives calls up needs fewer tokens than "
                    + "the bound counts, and can come under it. Admitted per s = attempts answered 200 or 529 (those that took a "
                    + "token) ÷ wall: what the client got out of a bucket that refills at " + fmt(STORM_RATE) + "/s.");
            out("Targets: success 100 %, 0 attempts before their retry-after elapsed, ≤ 20 429s, wall ≤ 1.1 × bound.\n");
            out("| client | success (100 %) | attempts | 429s (≤ 20) | 529s | attempts before retry-after elapsed (0) | wall s | bound s | wall ÷ bound (≤ 1.1) | admitted per s (bucket " + fmt(STORM_RATE) + ") | targets met |");
            out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            String[] tags = { "sdk", "qd", "qp" };
            int ci = 0;
            for (Map.Entry<String, Call> c : clients.entrySet()) {
                String tag = tags[ci++];
                System.out.println("storm: " + c.getKey());
                // one call first, so that the first calls of the run do not pay class loading and connecting (the
                // SDK's first call takes ≈ 0.5 s); the reset then fills the bucket again
                c.getValue().call("bench-call-warm-0: say hi");
                Thread.sleep(1000);
                sim.reset();
                proxy.clear();
                ClosedLoop run = ClosedLoop.run(c.getValue(), tag, STORM_CALLS, STORM_CONC);
                double wall = run.seconds();
                Thread.sleep(200);
                List<RecordingProxy.Attempt> attempts = proxy.attempts();
                ProxyTally t = ProxyTally.of(attempts);
                long early = t.early(), s429 = t.s429(), s529 = t.s529(), other = t.other(), admitted = t.admitted();
                double bound = Math.max(0, STORM_CALLS + s529 - STORM_BURST) / STORM_RATE;
                List<String> met = new ArrayList<>();
                List<String> missed = new ArrayList<>();
                (run.ok() == STORM_CALLS ? met : missed).add("success");
                (early == 0 ? met : missed).add("early");
                (s429 <= 20 ? met : missed).add("429s");
                (wall <= 1.1 * bound ? met : missed).add("wall");
                out(String.format(Locale.ROOT, "| %s | %d/%d (%.1f%%)%s | %d%s | %d | %d | %d | %.1f | %.1f | %.2f | %.1f | %s |",
                        c.getKey(), run.ok(), STORM_CALLS, 100.0 * run.ok() / STORM_CALLS, run.failureSummary(),
                        attempts.size(), other == 0 ? "" : " (" + other + " other)", s429, s529, early, wall, bound,
                        wall / bound, admitted / wall, met.size() + "/4" + (missed.isEmpty() ? "" : ", missed: " + String.join(", ", missed))));
                run.firstFailure().forEach((k, v) -> System.out.println("storm: first " + k + " of " + c.getKey() + ": " + v));
                if (Boolean.getBoolean("bench.verbose")) { // what arrived in each 100 ms: the client's rhythm
                    Map<Long, List<RecordingProxy.Attempt>> slots = new java.util.TreeMap<>(attempts.stream()
                            .collect(Collectors.groupingBy(a -> (a.arrivedNanos() - run.startNanos()) / 100_000_000L)));
                    slots.forEach((slot, in) -> System.out.printf(Locale.ROOT, "storm: %s %5.1f s: %s%n", tag,
                            slot / 10.0, in.stream().map(a -> Integer.toString(a.status())).collect(Collectors.joining(" "))));
                }
            }
            out("");
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String percent(double rate) {
        return fmt(Math.round(rate * 1000) / 10.0) + " %";
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static boolean section(String name) {
        return SECTION_SET.contains(name);
    }

    void out(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    /** @return VmRSS of a process in KB (-1 where /proc is missing) */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Waits for the fake server to say it listens. A port that answers is not enough: another process (another
     * runner on the same machine) may hold it, and then the clients would be measured against that one.
     */
    static void awaitListening(Process server, Path log, Duration max) throws InterruptedException, IOException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the fake server exited with " + server.exitValue() + " (is port "
                        + FAKE_PORT + " taken? -Dbench.fake-port=… picks another); its output: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("fake-server listening")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the fake server did not start within " + max.toSeconds() + " s");
    }
}
