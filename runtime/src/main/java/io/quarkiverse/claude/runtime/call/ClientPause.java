package io.quarkiverse.claude.runtime.call;

import java.time.Duration;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;

/**
 * A pause that a 429's (or a 529's) {@code retry-after} puts on every call of a client, with the answer that asked
 * for it and the {@code max-retry-after} of its class. A call the pause would hold longer than that is not held: it
 * fails at once, as the call that got the answer did, instead of freezing silently behind it.
 */
public final class ClientPause {

    private final long askedNanos = System.nanoTime();
    private final long lengthNanos;
    private final ClaudeApiException origin;
    private final Duration maxRetryAfter;
    private final String maxRetryAfterProperty;

    /**
     * @param origin the 429 or 529 that asked for the pause
     * @param retryAfter how long it asked to wait
     * @param maxRetryAfter the longest wait its class takes
     * @param maxRetryAfterProperty the property that sets it, for the message
     */
    ClientPause(ClaudeApiException origin, Duration retryAfter, Duration maxRetryAfter, String maxRetryAfterProperty) {
        this.origin = origin;
        this.lengthNanos = retryAfter.toNanos();
        this.maxRetryAfter = maxRetryAfter;
        this.maxRetryAfterProperty = maxRetryAfterProperty;
    }

    /** @return whether a 529 asked for it (else a 429) */
    public boolean overloaded() {
        return origin instanceof OverloadedException;
    }

    /** @return how long the answer asked to wait */
    public Duration retryAfter() {
        return Duration.ofNanos(lengthNanos);
    }

    /** @return the pause that ends later of the two ({@code held} may be {@code null}) */
    public static ClientPause later(ClientPause held, ClientPause asked) {
        return held == null || asked.end() - held.end() > 0 ? asked : held;
    }

    private long end() {
        return askedNanos + lengthNanos;
    }

    /**
     * @return how long an attempt must wait for the pause; zero once it is over
     * @throws ClaudeApiException the origin's type with its answer, when the wait is longer than its class's
     *         {@code max-retry-after}: the attempt is not sent
     */
    public Duration waitOrRefuse() {
        Duration left = Duration.ofNanos(Math.max(0, end() - System.nanoTime()));
        if (left.compareTo(maxRetryAfter) > 0) {
            throw refusal(left);
        }
        return left;
    }

    private ClaudeApiException refusal(Duration left) {
        ClaudeApiException refused = overloaded() ? new OverloadedException(origin.error())
                : new RateLimitException(origin.error());
        String cause = (overloaded() ? "a 529's" : "a 429's") + " retry-after of "
                + CallBudget.human(retryAfter()) + " from an earlier call";
        refused.withPolicyNote("The request was not sent: the client is held for " + CallBudget.human(left) + " more by "
                + cause + CallBudget.longerThanTheCap(maxRetryAfterProperty, maxRetryAfter));
        return refused;
    }
}
