package io.quarkiverse.claude.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The scripted faults of a simulator: a queue consumed one per request, and an optional fault for every request.
 * Written from test threads while the event loop reads it, hence synchronized.
 */
final class FaultScript {

    private final Deque<Fault> queue = new ArrayDeque<>();
    private Fault always;

    synchronized void enqueue(List<Fault> faults) {
        for (Fault f : faults) {
            queue.addLast(Objects.requireNonNull(f, "fault"));
        }
    }

    synchronized void always(Fault fault) {
        this.always = Objects.requireNonNull(fault, "fault");
    }

    /** The fault for the request that just arrived: the head of the queue, else the always-fault, else null. */
    synchronized Fault next() {
        Fault f = queue.pollFirst();
        return f != null ? f : always;
    }

    synchronized void reset() {
        queue.clear();
        always = null;
    }
}
