package io.quarkiverse.claude.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warm-up until the JIT has settled: the workload runs in rounds of about a second until the compilation time the JVM
 * reports ({@link CompilationMXBean#getTotalCompilationTime()}) grows by less than {@code bench.jit.settled-ms} per
 * second of wall time for {@code bench.jit.quiet-rounds} rounds in a row, or until {@code bench.jit.max-warmup-s}.
 * What it took and what still compiles during the measurement go into the child's figures.
 */
final class JitSettle {

    static final double SETTLED_MS_PER_S = Double.parseDouble(System.getProperty("bench.jit.settled-ms", "10"));
    static final int QUIET_ROUNDS = Integer.getInteger("bench.jit.quiet-rounds", 3);
    static final int MIN_WARMUP_S = Integer.getInteger("bench.jit.min-warmup-s", 3);
    static final int MAX_WARMUP_S = Integer.getInteger("bench.jit.max-warmup-s", 15);

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** One round of the workload, about {@code seconds} long. */
    interface Round {
        void run(double seconds) throws Exception;
    }

    /**
     * @param seconds the warm-up's wall time
     * @param settled whether the compilation rate fell under the threshold (else the cap ended it)
     * @param lastRateMsPerS compilation ms per wall second in the last round
     */
    record Warmup(double seconds, boolean settled, double lastRateMsPerS) {
    }

    private JitSettle() {
    }

    /** @return the rule, for the report */
    static String describe() {
        return "compilation under " + fmt(SETTLED_MS_PER_S) + " ms per second for " + QUIET_ROUNDS
                + " one-second rounds in a row, at least " + MIN_WARMUP_S + " s, at most " + MAX_WARMUP_S + " s";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Warmup warmUp(Round round) throws Exception {
        long start = System.nanoTime();
        int quiet = 0;
        double rate = Double.NaN;
        while (true) {
            long jit0 = JIT.getTotalCompilationTime();
            long t0 = System.nanoTime();
            round.run(1.0);
            double wall = (System.nanoTime() - t0) / 1e9;
            rate = (JIT.getTotalCompilationTime() - jit0) / wall;
            quiet = rate < SETTLED_MS_PER_S ? quiet + 1 : 0;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (quiet >= QUIET_ROUNDS && elapsed >= MIN_WARMUP_S) {
                return new Warmup(elapsed, true, rate);
            }
            if (elapsed >= MAX_WARMUP_S) {
                System.out.printf(Locale.ROOT, "warm-up capped at %.0f s: still compiling %.0f ms per s%n", elapsed,
                        rate);
                return new Warmup(elapsed, false, rate);
            }
        }
    }

    /** @return compilation milliseconds so far, to subtract */
    static long compilationMs() {
        return JIT.getTotalCompilationTime();
    }
}
