package io.quarkiverse.claude.testing;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link ClaudeSimulator} answered since it started or since its last {@link ClaudeSimulator#reset()}: how many
 * answers of each HTTP status it started (any path; a stream cut short still counts as its 200), and how many
 * connections it closed without an answer. A snapshot; immutable.
 *
 * @param byStatus answers per HTTP status, in ascending status order
 * @param dropped connections closed without an answer ({@link Fault#dropConnection()}, scenarios' drops)
 * @param total every answer and every dropped connection
 * @param streamsClosedByClient SSE answers whose connection the client closed before their last event (a client that
 *        stopped reading; seen with {@link Fault#slowStream(Duration)}, where the events take time)
 */
public record SimulatorStats(Map<Integer, Long> byStatus, long dropped, long total, long streamsClosedByClient) {

    public SimulatorStats {
        byStatus = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(byStatus, "byStatus")));
    }

    /** The answers with this status; 0 if none. */
    public long count(int status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
