package io.quarkiverse.claude.runtime.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.errors.ApiError;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.RateLimits.RateLimit;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;

/** The throttle's token buckets, on snapshots made up here; waits asserted with generous margins. */
class ProactiveThrottleTest {

    private static final AttemptCost ONE_REQUEST = AttemptCost.REQUEST_ONLY;

    private final AtomicReference<RateLimitTracker.Snapshot> latest = new AtomicReference<>(
            new RateLimitTracker.Snapshot(RateLimits.NONE, Instant.now()));
    private final ProactiveThrottle throttle = new ProactiveThrottle(latest::get);

    @Test
    void noSnapshotNoWait() {
        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));
    }

    @Test
    void attemptsSinceTheSnapshotUseUpWhatWasLeftThenWaitForTheReset() {
        set(requests(4, 2, OffsetDateTime.now().plusSeconds(2)));

        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));
        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 1700, 2100, "the third waits for the reset");
    }

    @Test
    void atTheResetNoMoreGoThanTheLimitAdmitsAndTheRestArePaced() throws InterruptedException {
        // empty, whole in 2 s; remaining is rounded down, so at least 4 of 5 refill in 2 s: 2 a second counted on
        set(requests(5, 0, OffsetDateTime.now().plusSeconds(2)));
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 1700, 2100, "empty: wait for the reset");

        Thread.sleep(2050);
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST), "the 5 the renewed limit admits");
        }
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 350, 650, "the sixth at the pace: 0.5 s a request");
    }

    @Test
    void anAttemptWaitsForTheOutputTokensItsMaxTokensNeed() {
        OffsetDateTime reset = OffsetDateTime.now().plusSeconds(7);
        set(new RateLimits(RateLimit.UNKNOWN, RateLimit.UNKNOWN, RateLimit.UNKNOWN,
                new RateLimit(8000L, 1000L, reset))); // 7,000 missing, full in 7 s: 1,000 a second

        assertEquals(Duration.ZERO, throttle.beforeAttempt(new AttemptCost(100, 500)), "500 of the 1,000 left");
        assertBetween(throttle.beforeAttempt(new AttemptCost(100, 4000)), 6700, 7100,
                "4,000 do not fit in the 500 left: wait for the reset");
    }

    @Test
    void inputTokensAndTheCombinedTokensLimitCountToo() {
        OffsetDateTime reset = OffsetDateTime.now().plusSeconds(10);
        set(new RateLimits(RateLimit.UNKNOWN, new RateLimit(20_000L, 10_000L, reset),
                new RateLimit(20_000L, 20_000L, reset), RateLimit.UNKNOWN));

        assertEquals(Duration.ZERO, throttle.beforeAttempt(new AttemptCost(4000, 4000)));
        assertBetween(throttle.beforeAttempt(new AttemptCost(4000, 4000)), 9700, 10100,
                "8,000 used of the combined 10,000 left: the next 8,000 wait for the reset");
    }

    @Test
    void anAttemptLargerThanTheWholeLimitIsLeftToTheApi() {
        set(new RateLimits(RateLimit.UNKNOWN, RateLimit.UNKNOWN, RateLimit.UNKNOWN,
                new RateLimit(8000L, 8000L, OffsetDateTime.now())));
        assertEquals(Duration.ZERO, throttle.beforeAttempt(new AttemptCost(10, 64_000)));
    }

    @Test
    void attemptsInFlightWhenAnAnswerComesCountAgainstWhatItSaysIsLeft() {
        set(requests(5, 5, OffsetDateTime.now().plusSeconds(2)));
        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));
        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));

        set(requests(5, 2, OffsetDateTime.now().plusSeconds(2))); // an answer that may not show the 2 in flight
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 1700, 2100, "2 left, 2 in flight: wait");

        throttle.ended(ONE_REQUEST);
        throttle.ended(ONE_REQUEST);
        set(requests(5, 2, OffsetDateTime.now().plusSeconds(2))); // the next answer: nothing in flight
        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));
    }

    @Test
    void anOlderAnswerArrivingLateGivesNothingBack() {
        OffsetDateTime now = OffsetDateTime.now();
        set(new RateLimits(RateLimit.UNKNOWN, RateLimit.UNKNOWN, RateLimit.UNKNOWN,
                new RateLimit(8000L, 0L, now.plusSeconds(2)))); // the newer answer: empty, whole in 2 s
        assertBetween(throttle.beforeAttempt(new AttemptCost(10, 100)), 1700, 2100, "empty: wait for the reset");
        // an older answer of a concurrent attempt, arriving after it (the tracker would keep it: its requests are new)
        set(new RateLimits(new RateLimit(50L, 40L, now.plusSeconds(1)), RateLimit.UNKNOWN, RateLimit.UNKNOWN,
                new RateLimit(8000L, 3000L, now.plusNanos(800_000_000))));

        assertBetween(throttle.beforeAttempt(new AttemptCost(10, 100)), 1700, 2100, "still empty: wait for the newer reset");
    }

    @Test
    void aResetInThePastMeansAFullBucket() {
        set(requests(50, 0, OffsetDateTime.now().minusSeconds(1)));
        assertEquals(Duration.ZERO, throttle.beforeAttempt(ONE_REQUEST));
    }

    @Test
    void a429HoldsEveryAttemptUntilItsRetryAfter() {
        throttle.holdFor(pause429(Duration.ofMillis(800), Duration.ofMinutes(5)));
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 600, 800, "held");
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 600, 800, "every attempt");
    }

    @Test
    void a429HoldingLongerThanItsMaxRetryAfterRefusesEveryAttemptWithItsAnswer() {
        throttle.holdFor(pause429(Duration.ofSeconds(4), Duration.ofSeconds(2)));

        RateLimitException refused = assertThrows(RateLimitException.class, () -> throttle.beforeAttempt(ONE_REQUEST));
        assertEquals("req_429", refused.requestId().orElseThrow());
        assertEquals(Duration.ofSeconds(4), refused.retryAfter().orElseThrow());
        assertTrue(refused.getMessage().contains("The request was not sent: the client is held for ")
                && refused.getMessage().contains("by a 429's retry-after of 4 s from an earlier call, longer than "
                        + "quarkus.claude.resilience.rate-limit.max-retry-after (2 s)"), refused.getMessage());
        assertThrows(RateLimitException.class, () -> throttle.beforeAttempt(ONE_REQUEST), "every attempt");
    }

    private static ClientPause pause429(Duration retryAfter, Duration maxRetryAfter) {
        ApiError answer = new ApiError(429, RateLimitException.TYPE, "slow down", "req_429", retryAfter, null, null,
                RateLimits.NONE, "", false, false);
        return new ClientPause(new RateLimitException(answer), retryAfter, maxRetryAfter,
                "quarkus.claude.resilience.rate-limit.max-retry-after");
    }

    @Test
    void attemptsTheSharedLimitsAdmittedTakeFromTheLocalBucketsToo() {
        set(requests(4, 2, OffsetDateTime.now().plusSeconds(2)));
        throttle.admittedElsewhere(this, ONE_REQUEST);
        throttle.admittedElsewhere(this, ONE_REQUEST);

        // Redis stopped answering: the throttle decides alone, and the two left are taken
        assertBetween(throttle.beforeAttempt(ONE_REQUEST), 1700, 2100, "waits for the reset");
    }

    private void set(RateLimits limits) {
        latest.set(new RateLimitTracker.Snapshot(limits, Instant.now()));
    }

    private static void assertBetween(Duration wait, long minMillis, long maxMillis, String what) {
        assertTrue(wait.toMillis() >= minMillis && wait.toMillis() <= maxMillis, what + ": " + wait);
    }

    private static RateLimits requests(long limit, long remaining, OffsetDateTime reset) {
        return new RateLimits(new RateLimit(limit, remaining, reset), RateLimit.UNKNOWN, RateLimit.UNKNOWN,
                RateLimit.UNKNOWN);
    }
}
