package io.quarkiverse.claude.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;

/** Which answer's headers the tracker keeps when answers of concurrent attempts arrive out of order. */
class RateLimitTrackerTest {

    private final RateLimitTracker tracker = new RateLimitTracker();
    private final OffsetDateTime now = OffsetDateTime.now();

    @Test
    void anOlderAnswerArrivingLateIsNotKept() {
        offer(2, now.plusNanos(500_000_000)); // the bucket's reset moves later with each request taken
        offer(3, now.plusNanos(400_000_000)); // counted before it, arriving after it

        assertEquals(2L, tracker.latest().requests().remaining());
    }

    @Test
    void withinOneWindowLessRemainingIsNewer() {
        offer(2, now.plusSeconds(30));
        offer(3, now.plusSeconds(30));
        assertEquals(2L, tracker.latest().requests().remaining());

        offer(1, now.plusSeconds(30));
        assertEquals(1L, tracker.latest().requests().remaining());
    }

    @Test
    void aLaterResetIsNewerEvenWithMoreRemaining() {
        offer(0, now.plusSeconds(1));
        offer(49, now.plusSeconds(61)); // the next window

        assertEquals(49L, tracker.latest().requests().remaining());
    }

    private void offer(long remaining, OffsetDateTime reset) {
        tracker.offer(new RateLimitTracker.Snapshot(new RateLimits(new RateLimit(50L, remaining, reset),
                RateLimit.UNKNOWN, RateLimit.UNKNOWN, RateLimit.UNKNOWN), Instant.now()));
    }
}
