package io.quarkiverse.claude.testing;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link ClaudeSimulator} answered since it started or since its last {@link ClaudeSimulator#reset()}: how many
 * answers of each HTTP status it started (any path; a stream cut short still counts as its 200), how many connections
 * it closed or reset without a (whole) answer, how many body bytes it wrote, and its TCP connections. A snapshot;
 * immutable.
 *
 * @param byStatus answers per HTTP status, in ascending status order
 * @param dropped connections closed without an answer ({@link Fault#dropConnection()}, {@link Fault#reset()},
 *        scenarios' drops) or reset in the middle of one ({@link Fault#resetDuringBody()}, not counted as a 200)
 * @param total every answer and every dropped connection
 * @param streamsClosedByClient SSE answers whose connection the client closed before their last event (a client that
 *        stopped reading; seen with {@link Fault#slowStream(Duration)}, {@link Fault#drip(Duration)} and the stalls
 *        {@link Fault#stallBeforeFirstEvent()}, {@link Fault#stallAfterFirstEvent()})
 * @param bodyBytesWritten the response body bytes of every answer handed to the connections (without the chunked
 *        framing); what a client stopped reading still counts up to what the connection accepted, so after a client
 *        closed a {@link Fault#largeBody(long)} early it is far below the body's size
 * @param connectionsOpened the TCP connections clients opened to the simulator
 * @param openConnections the TCP connections open right now (kept-alive ones too); not zeroed by
 *        {@link ClaudeSimulator#reset()}, so a test can check that a client left none behind
 */
public record SimulatorStats(Map<Integer, Long> byStatus, long dropped, long total, long streamsClosedByClient,
        long bodyBytesWritten, long connectionsOpened, long openConnections) {

    public SimulatorStats {
        byStatus = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(byStatus, "byStatus")));
    }

    /** Stats without body bytes and connections (all 0), as before they were counted. */
    public SimulatorStats(Map<Integer, Long> byStatus, long dropped, long total, long streamsClosedByClient) {
        this(byStatus, dropped, total, streamsClosedByClient, 0, 0, 0);
    }

    /** The answers with this status; 0 if none. */
    public long count(int status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
