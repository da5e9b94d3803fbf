package io.quarkiverse.claude.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Section 1, per-call client cost: five clients, sequentially and with {@code bench.in-flight} calls in flight, each
 * client and mode in a JVM of its own ({@link ClientJvm}) warmed up until its JIT settled, so that no client is
 * charged for compilation another triggered.
 */
final class PerCall {

    static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 32);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.percall.seconds", "1.5"));

    static final String RAW = "raw JDK HttpClient + Jackson";
    static final String SDK = "official SDK 3.13.0";

    private PerCall() {
    }

    static void run(Consumer<String> out) throws Exception {
        Map<String, String> clients = new LinkedHashMap<>(); // row name → the child's client
        clients.put(RAW, "raw");
        clients.put(SDK, "sdk");
        clients.put("Quarkus REST Client alone (its blocking ClaudeRestApi)", "rest");
        clients.put("quarkus-claude blocking", "qc");
        clients.put("quarkus-claude Uni", "qc-uni");
        String only = System.getProperty("bench.clients"); // e.g. "REST,Uni": only the clients whose names contain one
        if (only != null) {
            clients.keySet().removeIf(name -> Arrays.stream(only.split(",")).noneMatch(name::contains));
        }
        Map<Integer, Map<String, Map<String, Object>>> byMode = new LinkedHashMap<>();
        List<Integer> modes = List.of(1, IN_FLIGHT);
        modes.forEach(m -> byMode.put(m, new LinkedHashMap<>()));
        for (Map.Entry<String, String> c : clients.entrySet()) {
            System.out.println("per-call: " + c.getKey() + ", " + modes + " in flight, own JVM");
            ScaleCalls.runClient(c.getValue(), modes, ROUNDS, SECONDS)
                    .forEach((inFlight, f) -> byMode.get(inFlight).put(c.getKey(), f));
        }
        out.accept("\n## 1. Per-call client cost (fast fixed-answer server in its own process; one JVM per client)\n");
        out.accept("Each client runs in a JVM of its own (the runner's flags), sequentially then concurrently, each "
                + "mode warmed up until the JIT settles (" + JitSettle.describe() + "), then " + ROUNDS + " measured batches of about " + SECONDS
                + " s each, a GC before each. CPU = the whole client process (callers, event loops, GC, JIT) ÷ calls; "
                + "\"without JIT\" leaves out the compiler threads (`C1/C2 CompilerThread*`).\n");
        for (Map.Entry<Integer, Map<String, Map<String, Object>>> mode : byMode.entrySet()) {
            table(out, mode.getKey() == 1 ? "sequential (1 in flight)" : "concurrent (" + mode.getKey() + " in flight)",
                    mode.getValue());
        }
    }

    private static void table(Consumer<String> out, String title, Map<String, Map<String, Object>> rows) {
        Map<String, Object> raw = rows.getOrDefault(RAW, Map.of());
        Map<String, Object> sdk = rows.getOrDefault(SDK, Map.of());
        out.accept("### " + title + "\n");
        out.accept("| client | CPU µs/call | without JIT | × raw | × SDK | × SDK without JIT | KB allocated/call | × SDK | p50 µs | p99 µs | calls/s | warm-up s | JIT ms while measured |");
        out.accept("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Map<String, Object>> r : rows.entrySet()) {
            Map<String, Object> f = r.getValue();
            if (f.containsKey("failed")) {
                out.accept("| " + r.getKey() + " | failed: " + f.get("failed") + " |");
                continue;
            }
            out.accept(String.format(Locale.ROOT,
                    "| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.1f | %.2f | %.0f | %.0f | %.0f | %.0f%s | %.0f |",
                    r.getKey(), num(f, "cpuUsPerCall"), num(f, "cpuNoJitUsPerCall"),
                    num(f, "cpuUsPerCall") / num(raw, "cpuUsPerCall"), num(f, "cpuUsPerCall") / num(sdk, "cpuUsPerCall"),
                    num(f, "cpuNoJitUsPerCall") / num(sdk, "cpuNoJitUsPerCall"), num(f, "kbPerCall"),
                    num(f, "kbPerCall") / num(sdk, "kbPerCall"), num(f, "p50Us"), num(f, "p99Us"), num(f, "callsPerS"),
                    num(f, "warmupS"), Boolean.TRUE.equals(f.get("warmupSettled")) ? "" : " (capped)",
                    num(f, "jitMsDuringMeasurement")));
        }
        out.accept("");
    }

    private static double num(Map<String, Object> f, String key) {
        return ClientJvm.num(f, key);
    }
}
