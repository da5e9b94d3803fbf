package io.quarkiverse.claude.runtime.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.errors.ApiError;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.config.ResilienceConfig.RetryClassConfig;

/** The waits and timeouts the policy computes, without a server. */
class RetryWaitsTest {

    static RetryClassConfig settings(long delayMs, long maxDelayMs, double jitter, boolean honor, long maxRetryAfterMs) {
        return new RetryClassConfig() {
            public int maxRetries() {
                return 4;
            }

            public Duration delay() {
                return Duration.ofMillis(delayMs);
            }

            public Duration maxDelay() {
                return Duration.ofMillis(maxDelayMs);
            }

            public double jitter() {
                return jitter;
            }

            public boolean honorRetryAfter() {
                return honor;
            }

            public Duration maxRetryAfter() {
                return Duration.ofMillis(maxRetryAfterMs);
            }
        };
    }

    static ApiError error(int status, String type, Duration retryAfter) {
        return new ApiError(status, type, "m", "req_1", retryAfter, null, null, RateLimits.NONE, "", false, false);
    }

    @Test
    void exponentialWithoutJitterDoublesUpToTheCap() {
        RetryClassConfig exact = settings(500, 8000, 0, true, 60000);
        assertEquals(500, CallBudget.backoffMillis(exact, 1));
        assertEquals(1000, CallBudget.backoffMillis(exact, 2));
        assertEquals(4000, CallBudget.backoffMillis(exact, 4));
        assertEquals(8000, CallBudget.backoffMillis(exact, 5));
        assertEquals(8000, CallBudget.backoffMillis(exact, 60));
    }

    @Test
    void fullJitterStaysBetweenZeroAndTheExponentialWait() {
        RetryClassConfig full = settings(2000, 30000, 1.0, true, 60000);
        for (int i = 0; i < 200; i++) {
            long wait = CallBudget.backoffMillis(full, 2);
            assertTrue(wait >= 0 && wait <= 4000, "wait " + wait);
        }
    }

    @Test
    void retryAfterIsTheServersWaitUnlessDisabledAndIsNeverRoundedDown() {
        RateLimitException e = new RateLimitException(error(429, "rate_limit_error", Duration.ofMillis(1500)));
        assertEquals(Duration.ofMillis(1500), CallBudget.serverWait(settings(1000, 30000, 0, true, 60000), e));
        assertEquals(null, CallBudget.serverWait(settings(1000, 30000, 0, false, 60000), e));
        assertEquals(2, CallBudget.ceilMillis(Duration.ofNanos(1_200_000)));
        assertEquals(1, CallBudget.ceilMillis(Duration.ofMillis(1)));
    }

    @Test
    void perAttemptTimeoutFollowsMaxTokens() {
        assertEquals(Duration.ofSeconds(30), ClaudeCalls.derivedTimeout(null));
        assertEquals(Duration.ofSeconds(30), ClaudeCalls.derivedTimeout(512));
        assertEquals(Duration.ofSeconds(120), ClaudeCalls.derivedTimeout(4000));
        assertEquals(Duration.ofMinutes(10), ClaudeCalls.derivedTimeout(64000));
    }
}
