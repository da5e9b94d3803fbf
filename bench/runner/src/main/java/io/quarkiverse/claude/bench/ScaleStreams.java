package io.quarkiverse.claude.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Section 7, the scale curve of open streams: 10 to 2,000 streams opened together, each one delta every 50 ms for
 * 30 s from the fake server's drip mode, quarkus-claude ({@code stream → Multi}, no thread per stream) against the SDK
 * ({@code createStreaming}, one reading thread per stream, its API), each level and client in a JVM of its own. Each
 * client goes up the levels until a level fails (errors, lost events, or its JVM gives up); its levels above are
 * skipped.
 */
final class ScaleStreams {

    static final List<Integer> LEVELS = ScaleCalls.levels("bench.scale.streams", "10,100,1000,2000");
    static final int INTERVAL_MS = Integer.getInteger("bench.scale.stream-interval-ms", 50);
    static final int SECONDS = Integer.getInteger("bench.scale.stream-seconds", 30);

    static final String QC = "quarkus-claude (stream → Multi)";
    static final String SDK = "official SDK 3.13.0 (createStreaming, a thread per stream)";

    private ScaleStreams() {
    }

    /** @return the plot written */
    static Path run(Consumer<String> out, Path plotDir, long fakeServerPid) throws Exception {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put(QC, "qc-scale");
        clients.put(SDK, "sdk-pool");
        int deltas = SECONDS * 1000 / INTERVAL_MS;
        Map<String, Map<Integer, Map<String, Object>>> results = new LinkedHashMap<>();
        Map<String, String> stoppedAt = new LinkedHashMap<>();
        for (int level : LEVELS) {
            for (Map.Entry<String, String> c : clients.entrySet()) {
                if (stoppedAt.containsKey(c.getKey())) {
                    continue;
                }
                System.out.println("scale-streams: " + c.getKey() + ", " + level + " streams, own JVM");
                long[] fake = new long[4]; // the fake server's CPU and the wall clock at the child's marks
                Map<String, Object> f;
                try {
                    f = new LinkedHashMap<>(ClientJvm.run(List.of("streams", c.getValue(), Integer.toString(level),
                            Integer.toString(INTERVAL_MS), Integer.toString(deltas)),
                            Duration.ofSeconds(120 + JitSettle.MAX_WARMUP_S + SECONDS), mark -> {
                                int at = mark.equals("start") ? 0 : 2;
                                fake[at] = Meter.processCpuNanos(fakeServerPid);
                                fake[at + 1] = System.nanoTime();
                            }));
                    f.put("fakeServerCorePercent", 100.0 * (fake[2] - fake[0]) / (fake[3] - fake[1]));
                } catch (ClientJvm.ChildFailed e) {
                    f = Map.of("failed", e.getMessage());
                }
                results.computeIfAbsent(c.getKey(), k -> new TreeMap<>()).put(level, f);
                long lost = (long) (num(f, "deltasExpected") - num(f, "deltasReceived"));
                if (f.containsKey("failed") || num(f, "errors") > 0 || lost != 0) {
                    stoppedAt.put(c.getKey(), level + " streams: " + (f.containsKey("failed") ? f.get("failed")
                            : num(f, "errors") + " errors " + f.get("errorKinds") + ", " + lost + " deltas lost"));
                }
            }
        }
        out.accept("\n## 7. Scale curve: open streams (one JVM per client and level)\n");
        out.accept("N streams opened together against the fake server's drip mode: the opening events, one "
                + "`content_block_delta` every " + INTERVAL_MS + " ms for " + SECONDS + " s (" + deltas + " deltas), the "
                + "closing events, like a model generating. quarkus-claude: `messages().stream(…)` subscribed, no thread "
                + "per stream (the `scale` client: bulkhead and pool raised to 4096, as a streamed answer holds its "
                + "bulkhead place and its connection until it ends); the SDK: `createStreaming(…)` read on one platform "
                + "thread per stream (its API), its idle pool as large as N. Memory = at the middle of the run (after a "
                + "GC) minus the same process idle before the streams opened (after its warm-up), ÷ the streams open "
                + "then; RSS is VmRSS, heap is the heap used after the GC; threads are the process's OS threads (JVM's "
                + "own included). CPU per event = the client process's CPU over the run (the GC of the middle snapshot "
                + "left out) ÷ events received. Fake server = its CPU over the run, % of one core. Before the measurement "
                + "each JVM warms up on rounds of up to 50 fast streams (one delta per ms) until the JIT settles ("
                + JitSettle.describe() + "). Memory per stream is noise-dominated below 100 streams (a few MB of RSS "
                + "move with the JIT and the GC), so the memory target is checked from 100 streams up.\n");
        out.accept("| streams | client | open at middle | RSS KB/stream | heap KB/stream | threads idle → middle | CPU µs/event | without JIT | deltas expected | received | lost | errors | fake server % of a core | warm-up s |");
        out.accept("|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Map<Double, Double>> rss = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> heap = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> cpu = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> cpuNoJit = new LinkedHashMap<>();
        for (int level : LEVELS) {
            for (String client : clients.keySet()) {
                Map<String, Object> f = results.getOrDefault(client, Map.of()).get(level);
                if (f == null) {
                    out.accept("| " + level + " | " + client + " | not run: stopped at " + stoppedAt.get(client) + " |");
                    continue;
                }
                if (f.containsKey("failed")) {
                    out.accept("| " + level + " | " + client + " | failed: " + f.get("failed") + " |");
                    continue;
                }
                double open = num(f, "openAtMiddle");
                double rssKb = (num(f, "rssMiddleKb") - num(f, "rssIdleKb")) / open;
                double heapKb = (num(f, "heapMiddleKb") - num(f, "heapIdleKb")) / open;
                long expected = (long) num(f, "deltasExpected");
                long received = (long) num(f, "deltasReceived");
                out.accept(String.format(Locale.ROOT,
                        "| %d | %s | %.0f | %.1f | %.1f | %.0f → %.0f | %.1f | %.1f | %d | %d | %d | %.0f%s | %.0f | %.0f%s |",
                        level, client, open, rssKb, heapKb, num(f, "threadsIdle"), num(f, "threadsMiddle"),
                        num(f, "cpuUsPerEvent"), num(f, "cpuNoJitUsPerEvent"), expected, received, expected - received,
                        num(f, "errors"), num(f, "errors") > 0 ? " " + f.get("errorKinds") : "",
                        num(f, "fakeServerCorePercent"), num(f, "warmupS"),
                        Boolean.TRUE.equals(f.get("warmupSettled")) ? "" : " (capped)"));
                rss.computeIfAbsent(client, k -> new TreeMap<>()).put((double) level, rssKb);
                heap.computeIfAbsent(client, k -> new TreeMap<>()).put((double) level, heapKb);
                cpu.computeIfAbsent(client, k -> new TreeMap<>()).put((double) level, num(f, "cpuUsPerEvent"));
                cpuNoJit.computeIfAbsent(client, k -> new TreeMap<>()).put((double) level,
                        num(f, "cpuNoJitUsPerEvent"));
            }
        }
        out.accept("");
        for (String client : clients.keySet()) {
            out.accept("- " + client + (stoppedAt.containsKey(client) ? " stopped at " + stoppedAt.get(client)
                    : ": every level up to " + LEVELS.get(LEVELS.size() - 1) + " streams without errors or lost deltas"));
        }
        // target: memory per open stream ≤ 1/4 of the SDK's, at each level both ran
        for (int level : LEVELS) {
            Map<Double, Double> q = rss.getOrDefault(QC, Map.of());
            Map<Double, Double> s = rss.getOrDefault(SDK, Map.of());
            if (level >= 100 && q.containsKey((double) level) && s.containsKey((double) level)) {
                double ratio = q.get((double) level) / s.get((double) level);
                out.accept(String.format(Locale.ROOT, "- %d streams: RSS per open stream quarkus-claude ÷ SDK = %.2f (target ≤ 0.25: %s)",
                        level, ratio, ratio <= 0.25 ? "met" : "missed"));
            }
        }
        out.accept("");
        // short names in the legend; every line named once across both panels
        Map<String, Map<Double, Double>> memory = new LinkedHashMap<>();
        rss.forEach((client, points) -> memory.put(shortName(client) + ", RSS", points));
        heap.forEach((client, points) -> memory.put(shortName(client) + ", heap", points));
        Map<String, Map<Double, Double>> perEvent = new LinkedHashMap<>();
        cpu.forEach((client, points) -> perEvent.put(shortName(client) + ", CPU", points));
        cpuNoJit.forEach((client, points) -> perEvent.put(shortName(client) + ", CPU without JIT", points));
        Path png = plotDir.resolve("scale-streams.png");
        CurvePlot.write(png, "Open streams: memory per stream and CPU per event (one delta every " + INTERVAL_MS + " ms)",
                "open streams", List.of(new CurvePlot.Panel("KB per open stream (RSS solid, heap dashed)", memory),
                        new CurvePlot.Panel("CPU µs per event (without JIT dashed)", perEvent)));
        out.accept("Plot: `" + png + "`\n");
        return png;
    }

    private static String shortName(String client) {
        return client.equals(QC) ? "quarkus-claude" : "SDK 3.13.0";
    }

    private static double num(Map<String, Object> f, String key) {
        return f == null ? Double.NaN : ClientJvm.num(f, key);
    }
}
