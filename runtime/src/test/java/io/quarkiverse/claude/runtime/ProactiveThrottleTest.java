package io.quarkiverse.claude.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;

class ProactiveThrottleTest {

    private final AtomicReference<RateLimits> latest = new AtomicReference<>(RateLimits.NONE);
    private final ProactiveThrottle throttle = new ProactiveThrottle(latest::get);

    @Test
    void noSnapshotNoWait() {
        assertEquals(Duration.ZERO, throttle.beforeAttempt());
    }

    @Test
    void attemptsSinceTheSnapshotUseUpWhatWasLeft() {
        OffsetDateTime reset = OffsetDateTime.now().plusSeconds(2);
        latest.set(requests(2, reset));

        assertEquals(Duration.ZERO, throttle.beforeAttempt());
        assertEquals(Duration.ZERO, throttle.beforeAttempt());
        Duration wait = throttle.beforeAttempt();
        assertTrue(wait.compareTo(Duration.ofMillis(1500)) > 0 && wait.compareTo(Duration.ofMillis(2100)) < 0,
                "waits for the reset: " + wait);
    }

    @Test
    void nothingLeftOfTheTokensWaitsToo() {
        OffsetDateTime reset = OffsetDateTime.now().plusSeconds(1);
        latest.set(new RateLimits(new RateLimit(50L, 40L, reset), new RateLimit(80_000L, 0L, reset),
                RateLimit.UNKNOWN, RateLimit.UNKNOWN));
        assertTrue(throttle.beforeAttempt().compareTo(Duration.ofMillis(500)) > 0);
    }

    @Test
    void aResetInThePastLetsAttemptsThrough() {
        latest.set(requests(0, OffsetDateTime.now().minusSeconds(1)));
        assertEquals(Duration.ZERO, throttle.beforeAttempt());
    }

    private static RateLimits requests(long remaining, OffsetDateTime reset) {
        return new RateLimits(new RateLimit(50L, remaining, reset), RateLimit.UNKNOWN, RateLimit.UNKNOWN,
                RateLimit.UNKNOWN);
    }
}
