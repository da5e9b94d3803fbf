package org.acme;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.claude.ClaudeCallEvent;

/** Stands for the application's own storage of {@link CallAudit}'s records (the page does not show it). */
@ApplicationScoped
public class CallStore {

    private final List<ClaudeCallEvent> saved = new CopyOnWriteArrayList<>();

    public void save(ClaudeCallEvent call) {
        saved.add(call);
    }

    public List<ClaudeCallEvent> saved() {
        return saved;
    }
}
