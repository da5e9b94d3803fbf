package io.quarkiverse.claude.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Section 6, the scale curve of calls: 1 to 1,024 calls in flight (a closed loop), quarkus-claude blocking and
 * {@code Uni} (the {@code scale} client, its bulkhead and pool raised) and the SDK (its idle pool as large as the calls
 * in flight), each level and client in a JVM of its own; a table, and CPU per call against calls in flight as a plot.
 */
final class ScaleCalls {

    static final List<Integer> LEVELS = levels("bench.scale.levels", "1,32,256,1024");
    static final int ROUNDS = Integer.getInteger("bench.scale.rounds", 1);
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.scale.seconds", "4"));

    static final Map<String, String> CLIENTS = new LinkedHashMap<>(); // row name → the child's client

    static {
        CLIENTS.put("quarkus-claude blocking", "qc-scale");
        CLIENTS.put("quarkus-claude Uni", "qc-scale-uni");
        CLIENTS.put("official SDK 3.13.0", "sdk-pool");
    }

    private ScaleCalls() {
    }

    static List<Integer> levels(String property, String defaults) {
        return parseLevels(System.getProperty(property, defaults));
    }

    static List<Integer> parseLevels(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    /**
     * Runs one client at every level in a JVM of its own (each level warmed up until the JIT settles there).
     *
     * @return the figures by level; a failed child gives every level {@code failed}
     */
    @SuppressWarnings("unchecked")
    static Map<Integer, Map<String, Object>> runClient(String client, List<Integer> levels, int rounds, double seconds)
            throws Exception {
        Map<Integer, Map<String, Object>> byLevel = new TreeMap<>();
        String csv = String.join(",", levels.stream().map(String::valueOf).toList());
        try {
            Map<String, Object> all = ClientJvm.run(List.of("calls", client, csv, Integer.toString(rounds),
                    Double.toString(seconds)), Duration.ofSeconds(60 + levels.size() * (JitSettle.MAX_WARMUP_S + 60L
                            + (long) (rounds * seconds * 3))));
            all.forEach((level, f) -> byLevel.put(Integer.valueOf(level), (Map<String, Object>) f));
        } catch (ClientJvm.ChildFailed e) {
            levels.forEach(l -> byLevel.put(l, Map.of("failed", e.getMessage())));
        }
        return byLevel;
    }

    /** @return the plot written */
    static Path run(Consumer<String> out, Path plotDir) throws Exception {
        Map<String, Map<Integer, Map<String, Object>>> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : CLIENTS.entrySet()) {
            System.out.println("scale-calls: " + c.getKey() + ", " + LEVELS + " in flight, own JVM");
            results.put(c.getKey(), runClient(c.getValue(), LEVELS, ROUNDS, SECONDS));
        }
        out.accept("\n## 6. Scale curve: calls in flight (one JVM per client)\n");
        out.accept("Closed loop against the fast fixed-answer server: N platform threads each calling "
                + "`messages().create` (blocking, and the SDK), or N outstanding `createAsync` subscriptions (`Uni`). "
                + "quarkus-claude is the named client `scale`, with `resilience.bulkhead.max-concurrent`, "
                + "`resilience.bulkhead.max-queued` and `connection-pool-size` raised to 4096 for this run (the defaults, "
                + "64 / 256 / the bulkhead's 64, refuse more than 64 blocking calls at once); the SDK's OkHttp pool keeps "
                + "as many idle connections as there are calls in flight (`maxIdleConnections`, default 5), so that "
                + "neither reconnects. Each client in a JVM of its own, the levels in turn, each level warmed up until the JIT "
                + "settles (" + JitSettle.describe() + "), then " + ROUNDS + " × ≈ " + SECONDS + " s measured.\n");
        out.accept("| in flight | client | CPU µs/call | without JIT | × SDK | × SDK without JIT | KB allocated/call | p50 µs | p99 µs | calls/s | warm-up s |");
        out.accept("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Object> none = Map.of();
        for (int level : LEVELS) {
            Map<String, Object> sdk = results.get("official SDK 3.13.0").getOrDefault(level, none);
            for (String client : CLIENTS.keySet()) {
                Map<String, Object> f = results.get(client).get(level);
                if (f.containsKey("failed")) {
                    out.accept("| " + level + " | " + client + " | failed: " + f.get("failed") + " |");
                    continue;
                }
                out.accept(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.2f | %.2f | %.1f | %.0f | %.0f | %.0f | %.0f%s |",
                        level, client, num(f, "cpuUsPerCall"), num(f, "cpuNoJitUsPerCall"),
                        num(f, "cpuUsPerCall") / num(sdk, "cpuUsPerCall"),
                        num(f, "cpuNoJitUsPerCall") / num(sdk, "cpuNoJitUsPerCall"), num(f, "kbPerCall"),
                        num(f, "p50Us"), num(f, "p99Us"), num(f, "callsPerS"), num(f, "warmupS"),
                        Boolean.TRUE.equals(f.get("warmupSettled")) ? "" : " (capped)"));
            }
        }
        out.accept("");
        // the slope: each level's CPU per call against the first level's, per client
        out.accept("Slope (CPU µs/call at each level ÷ at " + LEVELS.get(0) + " in flight; 1.00 everywhere = flat per call):\n");
        out.accept("| client | " + String.join(" | ", LEVELS.stream().map(l -> l + " in flight").toList()) + " |");
        out.accept("|---|" + "---:|".repeat(LEVELS.size()));
        Map<String, Map<Double, Double>> cpu = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> cpuNoJit = new LinkedHashMap<>();
        for (String client : CLIENTS.keySet()) {
            Map<Integer, Map<String, Object>> byLevel = results.get(client);
            double first = num(byLevel.get(LEVELS.get(0)), "cpuUsPerCall");
            StringBuilder row = new StringBuilder("| " + client + " |");
            Map<Double, Double> points = new TreeMap<>();
            Map<Double, Double> pointsNoJit = new TreeMap<>();
            for (int level : LEVELS) {
                double v = num(byLevel.get(level), "cpuUsPerCall");
                row.append(String.format(Locale.ROOT, " %.2f |", v / first));
                if (!Double.isNaN(v)) {
                    points.put((double) level, v);
                    pointsNoJit.put((double) level, num(byLevel.get(level), "cpuNoJitUsPerCall"));
                }
            }
            out.accept(row.toString());
            cpu.put(client, points);
            cpuNoJit.put(client + " (without JIT)", pointsNoJit);
        }
        out.accept("");
        Map<String, Map<Double, Double>> both = new LinkedHashMap<>(cpu);
        both.putAll(cpuNoJit);
        Path png = plotDir.resolve("scale-calls.png");
        CurvePlot.write(png, "CPU per call against calls in flight (fast fake server)", "calls in flight",
                List.of(new CurvePlot.Panel("CPU µs per call (without JIT dashed)", both)));
        out.accept("Plot: `" + png + "`\n");
        return png;
    }

    private static double num(Map<String, Object> f, String key) {
        return f == null ? Double.NaN : ClientJvm.num(f, key);
    }
}
