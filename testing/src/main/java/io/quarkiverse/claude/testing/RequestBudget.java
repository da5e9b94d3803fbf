package io.quarkiverse.claude.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests-per-window budget of {@link SimulatorOptions#requestsPerMinute(int)}: a fixed window that opens with
 * the first request after the previous one closed, and a count of the requests it admitted. A request beyond the
 * limit is refused and does not count. Changed from test threads while the event loop admits, hence synchronized.
 */
final class RequestBudget implements RequestLimiter {

    private static final String PREFIX = "anthropic-ratelimit-requests-";

    private final Clock clock;
    private final Duration window;
    private int limit;
    private Instant windowEnd = Instant.EPOCH;
    private int used;

    RequestBudget(Clock clock, Duration window, int limit) {
        this.clock = clock;
        this.window = window;
        this.limit = limit;
    }

    /** 0 for no limit; the requests already admitted in the current window still count. */
    synchronized void limit(int limit) {
        this.limit = limit;
    }

    synchronized int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    /** Forgets the current window and sets the limit. */
    synchronized void reset(int limit) {
        this.limit = limit;
        this.windowEnd = Instant.EPOCH;
        this.used = 0;
    }

    /** Takes one request from the budget if there is room; null when there is no limit. */
    @Override
    public synchronized Decision acquire() {
        return decide(true);
    }

    /** The budget as it stands, taking nothing (for answers that do not count); null when there is no limit. */
    @Override
    public synchronized Decision peek() {
        return decide(false);
    }

    private Decision decide(boolean take) {
        if (limit <= 0) {
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!now.isBefore(windowEnd)) {
            if (!take) {
                // a full budget, nothing to wait for
                return new Decision(true, 0, headers(limit, now));
            }
            windowEnd = now.plus(window);
            used = 0;
        }
        if (!take) {
            return new Decision(used < limit, 0, headers(Math.max(0, limit - used), windowEnd));
        }
        if (used < limit) {
            used++;
            return new Decision(true, 0, headers(limit - used, windowEnd));
        }
        long waitMillis = Duration.between(now, windowEnd).toMillis();
        return new Decision(false, Math.max(1, (waitMillis + 999) / 1000), headers(0, windowEnd));
    }

    private Map<String, String> headers(int remaining, Instant reset) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(PREFIX + "limit", Integer.toString(limit));
        h.put(PREFIX + "remaining", Integer.toString(remaining));
        h.put(PREFIX + "reset", reset.toString());
        return h;
    }

    /** The 429 the API sends for a request over the limit. */
    @Override
    public Fault rejection(Decision d) {
        String per = window.equals(Duration.ofMinutes(1)) ? "minute" : window.toMillis() + " ms";
        return Fault.error(429, "rate_limit_error", "This request would exceed the rate limit for your organization of "
                + limit + " requests per " + per + ". Please try again later.")
                .retryAfterSeconds(d.retryAfterSeconds());
    }
}
