package io.quarkiverse.claude.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkiverse.claude.testing.SimulatorOptions;

/**
 * Section {@code storm-replicas} (issue 14): the storm of section 5 (same simulator, calls and threads in total) made
 * by several application processes ({@link StormReplica}) that start their calls together, first each with its own
 * limits, then sharing them through a real Redis server. The two configurations differ in configuration only: the
 * replicas of the second run with the {@value #SHARED_PROFILE} profile of {@code application.properties}.
 */
final class StormReplicas {

    static final int REPLICAS = Integer.getInteger("bench.replicas", 3);
    /** 0: a free port */
    static final int REDIS_PORT = Integer.getInteger("bench.redis-port", 0);
    /** Runs configuration (b) even when the build has no shared limits (to try the harness: it then shares nothing). */
    static final boolean FORCE_SHARED = Boolean.getBoolean("bench.replicas.force-shared");
    static final String SHARED_PROFILE = "storm-shared";
    /** Present when the build has the shared limits of issue 14. */
    static final String FEATURE_CLASS = "io.quarkiverse.claude.runtime.config.SharedLimitsConfig";
    static final double WALL_TARGET = 1.15;

    private StormReplicas() {
    }

    /** The figures of one configuration. */
    private record Run(String name, List<Map<String, Object>> replicas, ProxyTally tally, int ok,
            Map<String, Integer> failures, double wall, double startSpreadMs, List<Double> replicaWalls,
            int[] s429ByReplica, Map<String, Long> redisSent, Map<String, Long> redisExecuted) {
    }

    static void run(Consumer<String> out) throws Exception {
        if (REPLICAS < 1 || REPLICAS > BenchApp.STORM_CONC) {
            throw new IllegalArgumentException("-Dbench.replicas=" + REPLICAS + ": the replicas share the "
                    + BenchApp.STORM_CONC + " threads of -Dbench.storm.concurrency, so give 1 to " + BenchApp.STORM_CONC
                    + " replicas, or raise -Dbench.storm.concurrency");
        }
        int[] calls = split(BenchApp.STORM_CALLS, REPLICAS);
        int[] threads = split(BenchApp.STORM_CONC, REPLICAS);
        boolean feature = featureInThisBuild();
        Scenario overloaded = Scenario.builder().name("storm").faultRate(529, BenchApp.STORM_529).build();
        SimulatorOptions options = SimulatorOptions.defaults().port(BenchApp.SIM_PORT)
                .tokenBucket(BenchApp.STORM_RATE, BenchApp.STORM_BURST).scenario(overloaded);
        try (ClaudeSimulator sim = ClaudeSimulator.start(options);
                RecordingProxy proxy = new RecordingProxy(BenchApp.PROXY_PORT, BenchApp.SIM_PORT);
                BenchRedis redis = new BenchRedis(REDIS_PORT)) {
            out.accept("\n## 5b. Storm across replicas (issue 14): " + BenchApp.STORM_CALLS + " calls from " + REPLICAS
                    + " application processes (calls " + join(calls) + ", threads " + join(threads)
                    + ") into one token bucket of " + BenchApp.fmt(BenchApp.STORM_RATE) + " requests/s, burst " + BenchApp.STORM_BURST
                    + "\n");
            out.accept("Simulator, proxy and lower bound as in section 5 (" + overloaded + "). Each replica is a JVM "
                    + "of its own (the runner's jar, the `storm` client with default settings), makes one warm-up call "
                    + "and waits at a barrier; the runner then resets the simulator (full bucket, the 529 draws from "
                    + "the seed), clears the proxy, empties Redis (`FLUSHALL`, `CONFIG RESETSTAT`) and releases every "
                    + "replica at once. (a) each replica with its own limits; (b) the same with the `" + SHARED_PROFILE
                    + "` profile: `shared-limits.enabled=true`, one key-prefix for all, `quarkus.redis.hosts` = the "
                    + "runner's redis-server (" + redis.uri() + "). Wall = the first call started to the last ended, "
                    + "across the replicas; start spread = the last replica's start − the first's; Redis round trips "
                    + "= the commands the replicas sent during the run (`MONITOR`, the runner's own left out) ÷ calls; "
                    + "commands executed = the server's `INFO commandstats` (the runner's own left out), which also "
                    + "counts what the Lua scripts ran inside the server, ÷ calls.");
            out.accept("Targets: ≤ 20 429s in total, wall ≤ " + WALL_TARGET + " × bound.\n");
            out.accept("| configuration | success | attempts | 429s (≤ 20), by replica | 529s | before retry-after elapsed | wall s | bound s | wall ÷ bound (≤ " + WALL_TARGET + ") | admitted per s | replicas' walls s | start spread ms | Redis round trips per call (sent, by command); commands executed per call | targets met |");
            out.accept("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|");
            for (boolean shared : new boolean[] { false, true }) {
                String name = shared ? "(b) shared limits (Redis)" : "(a) each replica its own limits";
                if (shared && !feature && !FORCE_SHARED) {
                    out.accept("| " + name + " | skipped: shared limits not in this build (no " + FEATURE_CLASS
                            + ") |");
                    continue;
                }
                System.out.println("storm-replicas: " + name);
                List<String> flags = shared
                        ? List.of("-Dquarkus.profile=" + SHARED_PROFILE, "-Dbench.redis-port=" + redis.port())
                        : List.of();
                try {
                    Run r = runOnce(name + (shared && !feature ? " (this build has no shared limits)" : ""), flags,
                            calls, threads, sim, proxy, redis);
                    out.accept(row(r));
                } catch (Exception e) { // a replica that failed or timed out: the row says so, the other runs
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    out.accept("| " + name + " | failed: " + cause + " |");
                }
            }
            out.accept("");
        }
    }

    private static Run runOnce(String name, List<String> flags, int[] calls, int[] threads, ClaudeSimulator sim,
            RecordingProxy proxy, BenchRedis redis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REPLICAS);
        List<Socket> waiting = new ArrayList<>();
        try (ServerSocket barrier = new ServerSocket(0, REPLICAS, InetAddress.getLoopbackAddress())) {
            List<Future<Map<String, Object>>> replicas = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                List<String> args = List.of("replica", tag(i), Integer.toString(calls[i]),
                        Integer.toString(threads[i]), Integer.toString(barrier.getLocalPort()));
                replicas.add(pool.submit(() -> ClientJvm.run(flags, args, Duration.ofMinutes(10), mark -> {
                })));
            }
            // every replica warmed up and waiting: no JVM start time staggers the replicas
            barrier.setSoTimeout(1000);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (waiting.size() < REPLICAS) {
                try {
                    Socket s = barrier.accept();
                    waiting.add(s);
                    System.out.println("storm-replicas: at the barrier: "
                            + new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                                    .readLine());
                } catch (SocketTimeoutException notYet) {
                    for (Future<Map<String, Object>> f : replicas) {
                        if (f.isDone()) {
                            f.get(); // a replica that ended before the barrier: its failure is the run's
                            throw new IllegalStateException("a replica ended before the barrier");
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + waiting.size() + " of " + REPLICAS
                                + " replicas reached the barrier within 3 minutes");
                    }
                }
            }
            Thread.sleep(1000); // as in section 5: the warm-up answers are in before the reset
            sim.reset();
            proxy.clear();
            redis.reset();
            for (Socket s : waiting) {
                s.getOutputStream().write(1);
                s.getOutputStream().flush();
            }
            List<Map<String, Object>> figures = new ArrayList<>();
            for (Future<Map<String, Object>> f : replicas) {
                figures.add(f.get());
            }
            Thread.sleep(200);
            List<RecordingProxy.Attempt> attempts = proxy.attempts();
            Map<String, Long> redisSent = redis.sentSinceReset();
            Map<String, Long> redisExecuted = redis.commandsSinceReset();
            System.out.println("storm-replicas: Redis commands sent by the replicas " + redisSent
                    + ", executed by the server (scripts' own included) " + redisExecuted);
            System.out.println("storm-replicas: connections to Redis other than the runner's: " + redis.otherClients());
            return summarise(name, figures, attempts, redisSent, redisExecuted);
        } finally {
            for (Socket s : waiting) {
                closeQuietly(s);
            }
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static Run summarise(String name, List<Map<String, Object>> replicas, List<RecordingProxy.Attempt> attempts,
            Map<String, Long> redisSent, Map<String, Long> redisExecuted) {
        long firstStart = Long.MAX_VALUE, lastStart = Long.MIN_VALUE, lastEnd = Long.MIN_VALUE;
        int ok = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<Double> walls = new ArrayList<>();
        for (Map<String, Object> r : replicas) {
            long start = ((Number) r.get("startNanos")).longValue();
            long end = ((Number) r.get("endNanos")).longValue();
            firstStart = Math.min(firstStart, start);
            lastStart = Math.max(lastStart, start);
            lastEnd = Math.max(lastEnd, end);
            walls.add((end - start) / 1e9);
            ok += ((Number) r.get("ok")).intValue();
            ((Map<String, Object>) r.get("failures")).forEach((k, v) -> failures.merge(k, ((Number) v).intValue(),
                    Integer::sum));
            ((Map<String, Object>) r.get("firstFailure"))
                    .forEach((k, v) -> System.out.println("storm-replicas: first " + k + " of " + name + ": " + v));
        }
        for (int i = 0; i < replicas.size(); i++) {
            System.out.printf(Locale.ROOT, "storm-replicas: %s started at +%.1f ms, ended at %.2f s%n", tag(i),
                    (((Number) replicas.get(i).get("startNanos")).longValue() - firstStart) / 1e6,
                    (((Number) replicas.get(i).get("endNanos")).longValue() - firstStart) / 1e9);
        }
        // the replicas' clocks and the proxy's are one (CLOCK_MONOTONIC): every attempt lies within the wall
        long firstArrival = attempts.stream().mapToLong(RecordingProxy.Attempt::arrivedNanos).min().orElse(firstStart);
        long lastAnswer = attempts.stream().mapToLong(RecordingProxy.Attempt::answeredNanos).max().orElse(lastEnd);
        if (firstArrival < firstStart || lastAnswer > lastEnd) {
            System.out.printf(Locale.ROOT, "storm-replicas: WARNING the proxy saw attempts %.1f ms before the first "
                    + "start or %.1f ms after the last end: the processes' clocks disagree%n",
                    (firstStart - firstArrival) / 1e6, (lastAnswer - lastEnd) / 1e6);
        }
        if (Boolean.getBoolean("bench.verbose")) { // what arrived in each 100 ms, by replica
            long t0 = firstStart;
            Map<Long, List<RecordingProxy.Attempt>> slots = new TreeMap<>(attempts.stream()
                    .collect(Collectors.groupingBy(a -> (a.arrivedNanos() - t0) / 100_000_000L)));
            slots.forEach((slot, in) -> System.out.printf(Locale.ROOT, "storm-replicas: %5.1f s: %s%n", slot / 10.0,
                    in.stream().map(a -> a.callId().replaceAll("bench-call-(\\w+)-\\d+", "$1") + ":" + a.status())
                            .collect(Collectors.joining(" "))));
            lostTokens(attempts, firstStart, lastEnd);
        }
        int[] s429ByReplica = new int[replicas.size()];
        for (int i = 0; i < replicas.size(); i++) {
            String prefix = "bench-call-" + tag(i) + "-";
            s429ByReplica[i] = (int) attempts.stream()
                    .filter(a -> a.status() == 429 && a.callId().startsWith(prefix)).count();
        }
        return new Run(name, replicas, ProxyTally.of(attempts), ok, failures, (lastEnd - firstStart) / 1e9,
                (lastStart - firstStart) / 1e6, walls, s429ByReplica, redisSent, redisExecuted);
    }

    /**
     * Replays the simulator's bucket (full at the first start, refilled at the storm's rate, one token per attempt
     * answered 200 or 529, by the proxy's arrival times) and prints where it was full and lost its refill: the tokens
     * no replica took, by 100 ms.
     */
    private static void lostTokens(List<RecordingProxy.Attempt> attempts, long firstStart, long lastEnd) {
        List<Long> takes = attempts.stream().filter(a -> a.status() == 200 || a.status() == 529)
                .map(RecordingProxy.Attempt::arrivedNanos).sorted().toList();
        double level = BenchApp.STORM_BURST;
        long at = firstStart;
        Map<Long, Double> lostBySlot = new TreeMap<>();
        List<Long> times = new ArrayList<>(takes);
        times.add(lastEnd);
        for (int k = 0; k < times.size(); k++) {
            long t = Math.max(at, times.get(k));
            // step by at most 10 ms so that the loss lands in its slot
            while (at < t) {
                long step = Math.min(t - at, 10_000_000L);
                double refilled = level + BenchApp.STORM_RATE * step / 1e9;
                if (refilled > BenchApp.STORM_BURST) {
                    lostBySlot.merge((at - firstStart) / 100_000_000L, refilled - BenchApp.STORM_BURST, Double::sum);
                    refilled = BenchApp.STORM_BURST;
                }
                level = refilled;
                at += step;
            }
            if (k < takes.size()) {
                level -= 1;
            }
        }
        double total = lostBySlot.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "storm-replicas: tokens the bucket lost while full: %.1f in all%n", total);
        lostBySlot.forEach((slot, lost) -> {
            if (lost >= 0.05) {
                System.out.printf(Locale.ROOT, "storm-replicas: lost %5.1f s: %.2f%n", slot / 10.0, lost);
            }
        });
    }

    private static String row(Run r) {
        int calls = BenchApp.STORM_CALLS;
        ProxyTally t = r.tally();
        double bound = Math.max(0, calls + t.s529() - BenchApp.STORM_BURST) / BenchApp.STORM_RATE;
        long sent = r.redisSent().values().stream().mapToLong(Long::longValue).sum();
        long executed = r.redisExecuted().values().stream().mapToLong(Long::longValue).sum();
        String redis = String.format(Locale.ROOT, "%.2f", (double) sent / calls)
                + (r.redisSent().isEmpty() ? "" : " (" + r.redisSent().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")")
                + String.format(Locale.ROOT, "; executed %.2f", (double) executed / calls);
        List<String> missed = new ArrayList<>();
        if (t.s429() > 20) {
            missed.add("429s");
        }
        if (r.wall() > WALL_TARGET * bound) {
            missed.add("wall");
        }
        String failures = r.failures().isEmpty() ? "" : " failed: " + r.failures().entrySet().stream()
                .map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "| %s | %d/%d (%.1f%%)%s | %d%s | %d (%s) | %d | %d | %.1f | %.1f | %.2f | %.1f | %s | %.1f | %s | %s |",
                r.name(), r.ok(), calls, 100.0 * r.ok() / calls, failures, t.attempts(),
                t.other() == 0 ? "" : " (" + t.other() + " other)", t.s429(), join(r.s429ByReplica()), t.s529(),
                t.early(), r.wall(), bound,
                r.wall() / bound, t.admitted() / r.wall(), r.replicaWalls().stream()
                        .map(w -> String.format(Locale.ROOT, "%.1f", w)).collect(Collectors.joining(" / ")),
                r.startSpreadMs(), redis, (2 - missed.size()) + "/2" + (missed.isEmpty() ? "" : ", missed: "
                        + String.join(", ", missed)));
    }

    /** @return {@code total} split into {@code parts} shares that differ by at most one, the larger first */
    static int[] split(int total, int parts) {
        int[] shares = new int[parts];
        for (int i = 0; i < parts; i++) {
            shares[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return shares;
    }

    private static String join(int[] values) {
        return java.util.Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining("/"));
    }

    /** The replica's call ids are {@code bench-call-<tag>-<i>}: letters only, as the proxy reads them. */
    private static String tag(int replica) {
        return "r" + (char) ('a' + replica);
    }

    static boolean featureInThisBuild() {
        try {
            Class.forName(FEATURE_CLASS, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
        }
    }
}
