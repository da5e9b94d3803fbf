package io.quarkiverse.claude.runtime.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the shared limits did, per client: the waits for the shared pause and budget, the calls rejected by a circuit
 * another replica opened, and the admissions that went by local limits because Redis did not answer. Plain counters,
 * so that nothing here needs Micrometer; {@code ClaudeMetrics} publishes them when the application has it.
 */
public final class SharedLimitsMeters {

    /** The counts of one client. */
    public static final class Counts {
        public final LongAdder pauseWaits = new LongAdder();
        public final LongAdder pauseWaitNanos = new LongAdder();
        public final LongAdder budgetWaits = new LongAdder();
        public final LongAdder budgetWaitNanos = new LongAdder();
        public final LongAdder circuitRejections = new LongAdder();
        public final LongAdder fallbacks = new LongAdder();
    }

    private final Map<String, Counts> byClient = new ConcurrentHashMap<>();

    /** @return the counts of a client, created on first use */
    public Counts of(String clientName) {
        return byClient.computeIfAbsent(clientName, n -> new Counts());
    }

    /** @return the clients that share their limits, by name */
    public Map<String, Counts> clients() {
        return Map.copyOf(byClient);
    }

    void waited(String clientName, String reason, Duration wait) {
        Counts counts = of(clientName);
        if ("pause".equals(reason)) {
            counts.pauseWaits.increment();
            counts.pauseWaitNanos.add(wait.toNanos());
        } else {
            counts.budgetWaits.increment();
            counts.budgetWaitNanos.add(wait.toNanos());
        }
    }

    void circuitRejection(String clientName) {
        of(clientName).circuitRejections.increment();
    }

    void fallback(String clientName) {
        of(clientName).fallbacks.increment();
    }
}
