package io.quarkiverse.claude.runtime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;

/**
 * Proactive throttling ({@code quarkus.claude.rate-limit.proactive}): before each attempt, reads the latest
 * {@code anthropic-ratelimit-*} snapshot of the client and says how long to wait so as not to earn a 429. A limit
 * whose {@code remaining} is 0 holds attempts until its {@code reset}. Attempts started since the snapshot count
 * against its {@code requests-remaining}, so concurrent callers do not all rush through the last request left.
 * Best effort within one JVM: other replicas are seen only through the headers.
 */
final class ProactiveThrottle {

    /** Added to the reset time, for clocks that disagree by a little. */
    static final Duration MARGIN = Duration.ofMillis(20);

    private final Supplier<RateLimits> latest;
    // all guarded by this
    private long startedSince;
    private RateLimits seen;
    /** Until when a 429's {@code retry-after} holds every attempt of the client; null when none does. */
    private OffsetDateTime heldUntil;

    ProactiveThrottle(Supplier<RateLimits> latest) {
        this.latest = latest;
    }

    /**
     * Called before each attempt.
     *
     * @return how long the attempt should wait; zero when the limits leave room (the attempt is then counted)
     */
    synchronized Duration beforeAttempt() {
        RateLimits limits = latest.get();
        if (limits != seen) {
            seen = limits;
            startedSince = 0;
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime until = heldUntil != null && heldUntil.isAfter(now) ? heldUntil : null;
        until = later(until, exhausted(limits.requests(), startedSince, now));
        until = later(until, exhausted(limits.tokens(), 0, now));
        until = later(until, exhausted(limits.inputTokens(), 0, now));
        until = later(until, exhausted(limits.outputTokens(), 0, now));
        if (until == null) {
            startedSince++;
            return Duration.ZERO;
        }
        return until == heldUntil ? Duration.between(now, until) : Duration.between(now, until).plus(MARGIN);
    }

    /**
     * A 429 asked to wait {@code retryAfter}: every attempt of the client waits until then, not only the call that
     * earned it, which would otherwise each earn the same 429.
     */
    synchronized void holdFor(Duration retryAfter) {
        OffsetDateTime until = OffsetDateTime.now().plus(retryAfter);
        heldUntil = later(heldUntil, until);
    }

    /** @return the reset of a limit with nothing left, or {@code null} when it has room or resets in the past */
    private static OffsetDateTime exhausted(RateLimit limit, long usedSince, OffsetDateTime now) {
        if (limit == null || limit.remaining() == null || limit.reset() == null || !limit.reset().isAfter(now)) {
            return null;
        }
        return limit.remaining() - usedSince <= 0 ? limit.reset() : null;
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
