package io.quarkiverse.claude.runtime.call;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeException;

/**
 * Logs each failed attempt once, at WARN: for an error answer of the API its status, {@code error.type}, request id
 * and message, and what the client does next. Never a header, so never the key; never the request body (the prompt
 * reaches the log only through {@code log-requests}).
 */
final class ErrorLog {

    static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.errors");

    private ErrorLog() {
    }

    /**
     * @param client the client's (or policy's) name
     * @param attempt the number of the attempt, from 1; 0 for an error inside a stream that had begun
     * @param failure the typed failure of the attempt
     * @param next what happens next, e.g. {@code retrying in 250 ms} or {@code giving up}
     */
    static void attemptFailed(String client, int attempt, Throwable failure, String next) {
        if (!LOG.isEnabled(Logger.Level.WARN)) {
            return;
        }
        String where = attempt > 0 ? "attempt " + attempt : "during the stream";
        if (failure instanceof ClaudeApiException api) {
            LOG.warnf("Claude API error (client %s, %s): %d %s, request-id %s: %s; %s", client, where,
                    api.status(), api.errorType() == null ? "(no error.type: not the API's JSON)" : api.errorType(),
                    api.requestId().orElse("none"), api.errorMessage(), next);
        } else if (failure instanceof ClaudeException claude) {
            LOG.warnf("Claude call failed (client %s, %s): %s: %s; %s", client, where,
                    claude.getClass().getSimpleName(), claude.getMessage(), next);
        }
    }
}
