package io.quarkiverse.claude.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One client's run of the resilience and storm sections: {@code calls} calls, {@code concurrency} threads each taking
 * the next call when free, each call named {@code bench-call-<tag>-<i>} so that the recording proxy can tell them apart.
 *
 * @param ok the calls answered
 * @param failures the calls that failed, by exception class
 * @param firstFailure the message of the first failure of each class
 * @param startNanos when the run started, on {@link System#nanoTime()}
 * @param seconds the wall time of the run
 */
record ClosedLoop(int ok, Map<String, Integer> failures, Map<String, String> firstFailure, long startNanos,
        double seconds) {

    static ClosedLoop run(BenchApp.Call call, String tag, int calls, int concurrency) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, String> firstFailure = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < calls) {
                    try {
                        call.call("bench-call-" + tag + "-" + i + ": say hi");
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        firstFailure.putIfAbsent(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return new ClosedLoop(ok.get(), failures, firstFailure, t0, (System.nanoTime() - t0) / 1e9);
    }

    /** @return {@code ""}, or {@code " failed: RateLimitException×3, …"} */
    String failureSummary() {
        return failures.isEmpty() ? "" : " failed: " + failures.entrySet().stream()
                .map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    }
}
