package org.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeCallEvent;

@ApplicationScoped
public class CallAudit {

    private static final Logger log = Logger.getLogger(CallAudit.class);

    @Inject
    CallStore store;                                           // your own storage: a table, a queue, ...

    void onCall(@Observes ClaudeCallEvent call) {
        log.infof("%s %s: %s after %d attempts, ~$%.4f", call.client(), call.operation(), call.outcome(),
                call.attempts(), call.estimatedCostUsd());
    }

    void store(@ObservesAsync ClaudeCallEvent call) {
        store.save(call);                                      // may block: this runs on a worker thread
    }
}
