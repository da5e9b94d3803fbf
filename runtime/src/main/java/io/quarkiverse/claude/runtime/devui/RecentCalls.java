package io.quarkiverse.claude.runtime.devui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The latest calls of every client, newest first, for the Dev UI; registered in dev and test mode only.
 */
@Singleton
public class RecentCalls {

    static final int CAPACITY = 100;

    private final Deque<CallRow> rows = new ArrayDeque<>();
    private final BroadcastProcessor<CallRow> live = BroadcastProcessor.create();

    void onCall(@Observes ClaudeCallEvent call) {
        CallRow row = CallRow.of(call);
        synchronized (rows) {
            rows.addFirst(row);
            if (rows.size() > CAPACITY) {
                rows.removeLast();
            }
        }
        live.onNext(row);
    }

    /** @return the recorded calls, newest first */
    public List<CallRow> rows() {
        synchronized (rows) {
            return new ArrayList<>(rows);
        }
    }

    /** @return each call as it ends */
    public Multi<CallRow> live() {
        return live;
    }
}
