package io.quarkiverse.claude.testing;

import java.util.Map;

/**
 * A limiter of {@code POST /v1/messages}, as the API's rate limiter: the fixed-window {@link RequestBudget} of
 * {@link SimulatorOptions#requestsPerMinute(int)} or the {@link TokenBucket} of
 * {@link SimulatorOptions#tokenBucket(double, int)}. Called on the event loop as requests arrive, and reset from test
 * threads.
 */
interface RequestLimiter {

    /** The outcome for one request: admitted or not, and the {@code anthropic-ratelimit-requests-*} headers. */
    record Decision(boolean admitted, long retryAfterSeconds, Map<String, String> headers) {
    }

    /** Takes one request if there is room; null when there is no limit. */
    Decision acquire();

    /** The limit as it stands, taking nothing (for answers that do not count); null when there is no limit. */
    Decision peek();

    /** The 429 the API sends for a request that {@link #acquire()} did not admit. */
    Fault rejection(Decision d);
}
