package io.quarkiverse.claude.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;

/**
 * Proactive throttling ({@code quarkus.claude.rate-limit.proactive}): before each attempt, reads the latest
 * {@code anthropic-ratelimit-*} snapshot of the client and says how long to wait so that the attempt fits, instead of
 * earning a 429.
 * <p>
 * An attempt takes one request and its {@link AttemptCost} (estimated input tokens, {@code max_tokens} of output)
 * from the requests, tokens, input-tokens and output-tokens limits; what the attempts started since the snapshot took
 * counts, so concurrent callers do not rush through the last request left. An attempt that does not fit in what a
 * limit had left waits for its reset; at the reset no more attempts go than the whole limit admits, and the rest follow
 * at the pace the snapshot implied (its missing part refilled by its reset). A 429 with a {@code retry-after} holds
 * every attempt until then. Best effort within one JVM: other replicas are seen only
 * through the headers.
 */
final class ProactiveThrottle {

    /** Added to a wait for a limit, for clocks that disagree by a little. */
    static final Duration MARGIN = Duration.ofMillis(20);
    /** The window a limit is taken to refill over when its snapshot does not tell (a full bucket). */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Supplier<RateLimits> latest;
    // all guarded by this
    private RateLimits seen;
    private Instant seenAt;
    private long requestsSince;
    private long inputSince;
    private long outputSince;
    /** Until when a 429's {@code retry-after} holds every attempt of the client; null when none does. */
    private Instant heldUntil;

    ProactiveThrottle(Supplier<RateLimits> latest) {
        this.latest = latest;
    }

    /**
     * Called before each attempt.
     *
     * @return how long the attempt should wait; zero when it fits now (it is then counted)
     */
    synchronized Duration beforeAttempt(AttemptCost cost) {
        RateLimits limits = latest.get();
        Instant now = Instant.now();
        if (limits != seen) {
            seen = limits;
            seenAt = now;
            requestsSince = 0;
            inputSince = 0;
            outputSince = 0;
        }
        Duration held = heldUntil != null && heldUntil.isAfter(now) ? Duration.between(now, heldUntil) : Duration.ZERO;
        Duration short1 = longer(shortfall(limits.requests(), 1, requestsSince, now),
                shortfall(limits.tokens(), cost.inputTokens() + cost.outputTokens(), inputSince + outputSince, now));
        Duration short2 = longer(shortfall(limits.inputTokens(), cost.inputTokens(), inputSince, now),
                shortfall(limits.outputTokens(), cost.outputTokens(), outputSince, now));
        Duration shortfall = longer(short1, short2);
        if (held.isZero() && shortfall.isZero()) {
            requestsSince++;
            inputSince += cost.inputTokens();
            outputSince += cost.outputTokens();
            return Duration.ZERO;
        }
        return longer(held, shortfall.isZero() ? shortfall : shortfall.plus(MARGIN));
    }

    /**
     * A 429 asked to wait {@code retryAfter}: every attempt of the client waits until then, not only the call that
     * earned it, which would otherwise each earn the same 429.
     */
    synchronized void holdFor(Duration retryAfter) {
        Instant until = Instant.now().plus(retryAfter);
        heldUntil = heldUntil == null || until.isAfter(heldUntil) ? until : heldUntil;
    }

    /**
     * @return how long until {@code limit} admits {@code cost} more than the {@code used} taken since the snapshot;
     *         zero when it does now, when the limit is unknown, or when the cost is more than it can ever hold (the
     *         API then decides). Until its reset a limit admits only what it had left (whether the API's limiter
     *         refills a bucket or opens a new window, nothing is assumed back before then); at its reset it admits
     *         up to its whole {@code limit} at once, and then refills at the rate the snapshot implied.
     */
    private Duration shortfall(RateLimit limit, long cost, long used, Instant now) {
        if (cost <= 0 || limit == null || limit.remaining() == null || limit.reset() == null) {
            return Duration.ZERO;
        }
        double capacity = limit.limit() == null ? Double.MAX_VALUE : Math.max(limit.limit(), limit.remaining());
        if (cost > capacity) {
            return Duration.ZERO;
        }
        Instant reset = limit.reset().toInstant();
        // a reset already past when the snapshot came: the limit is whole again
        double left = reset.isAfter(seenAt) ? limit.remaining() : capacity;
        double perSecond = refillPerSecond(limit, capacity);
        double afterReset = Math.max(0, used - left); // what the attempts beyond what was left take from the new window
        if (now.isBefore(reset)) {
            if (left - used >= cost) {
                return Duration.ZERO;
            }
            double beyond = afterReset + cost - capacity;
            return Duration.between(now, reset).plus(beyond <= 0 || perSecond <= 0 ? Duration.ZERO
                    : Duration.ofNanos((long) Math.ceil(beyond / perSecond * 1e9)));
        }
        double sinceReset = Duration.between(reset.isAfter(seenAt) ? reset : seenAt, now).toNanos() / 1e9;
        double available = Math.min(capacity, capacity - afterReset + perSecond * sinceReset);
        if (available >= cost || perSecond <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((cost - available) / perSecond * 1e9));
    }

    /** The rate that fills the bucket from {@code remaining} at the snapshot to full at {@code reset}. */
    private double refillPerSecond(RateLimit limit, double capacity) {
        OffsetDateTime reset = limit.reset();
        double toFull = Duration.between(seenAt, reset.toInstant()).toNanos() / 1e9;
        double missing = capacity - limit.remaining();
        if (toFull > 0 && missing > 0 && capacity != Double.MAX_VALUE) {
            return missing / toFull;
        }
        return limit.limit() == null ? 0 : limit.limit() / (double) WINDOW.toSeconds();
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
