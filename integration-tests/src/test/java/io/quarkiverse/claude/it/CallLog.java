package io.quarkiverse.claude.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.claude.ClaudeCallEvent;

/** A user's observer of calls, as the docs show it; the tests read what it saw. */
@ApplicationScoped
public class CallLog {

    private final List<ClaudeCallEvent> calls = new CopyOnWriteArrayList<>();

    void onCall(@Observes ClaudeCallEvent call) {
        calls.add(call);
    }

    /** Through a method: the injected client proxy has no state of its own. */
    public List<ClaudeCallEvent> calls() {
        return calls;
    }
}
