package io.quarkiverse.claude.testing;

import java.util.Map;
import java.util.TreeMap;

/** Counts the answers of a simulator for {@link ClaudeSimulator#stats()}; written by the event loop, read by tests. */
final class StatsCounter {

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private long dropped;
    private long streamsClosedByClient;
    private long bodyBytesWritten;
    private long connectionsOpened;
    /** Not a total: {@link #clear()} leaves it alone. */
    private long openConnections;

    synchronized void answered(int status) {
        byStatus.merge(status, 1L, Long::sum);
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized void streamClosedByClient() {
        streamsClosedByClient++;
    }

    synchronized void bodyBytesWritten(long bytes) {
        bodyBytesWritten += bytes;
    }

    synchronized void connectionOpened() {
        connectionsOpened++;
        openConnections++;
    }

    synchronized void connectionClosed() {
        openConnections--;
    }

    synchronized SimulatorStats snapshot() {
        long total = dropped;
        for (long n : byStatus.values()) {
            total += n;
        }
        return new SimulatorStats(byStatus, dropped, total, streamsClosedByClient, bodyBytesWritten, connectionsOpened,
                openConnections);
    }

    synchronized void clear() {
        byStatus.clear();
        dropped = 0;
        streamsClosedByClient = 0;
        bodyBytesWritten = 0;
        connectionsOpened = 0;
    }
}
