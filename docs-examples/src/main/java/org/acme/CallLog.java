package org.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeCallEvent;

/** The observer of the Dev Services page: one log line per call. */
@ApplicationScoped
public class CallLog {

    private static final Logger log = Logger.getLogger(CallLog.class);

    void onCall(@Observes ClaudeCallEvent call) {
        log.infof("%s %s: %s after %d attempts, %s waited, ~$%.4f", call.client(), call.operation(), call.outcome(),
                call.attempts(), call.totalWait(), call.estimatedCostUsd());
    }
}
