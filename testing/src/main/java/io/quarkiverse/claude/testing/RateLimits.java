package io.quarkiverse.claude.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code anthropic-ratelimit-*} headers of every answer. Plausible numbers for a one-minute window: the remaining
 * requests and tokens go down with each answer and are restored at the next full minute, which is the {@code reset}
 * (RFC 3339). Token counts are rounded down to thousands, as the API does. Nothing is refused here: with
 * {@link SimulatorOptions#requestsPerMinute(int)} ({@link RequestBudget}) or
 * {@link SimulatorOptions#tokenBucket(double, int)} ({@link TokenBucket}), a limiter is enforced and its
 * {@code anthropic-ratelimit-requests-*} headers replace these on {@code POST /v1/messages}.
 */
final class RateLimits {

    static final long REQUESTS_LIMIT = 4_000;
    static final long INPUT_TOKENS_LIMIT = 2_000_000;
    static final long OUTPUT_TOKENS_LIMIT = 400_000;
    static final long TOKENS_LIMIT = INPUT_TOKENS_LIMIT + OUTPUT_TOKENS_LIMIT;

    private static final String PREFIX = "anthropic-ratelimit-";

    private final Clock clock;
    private Instant windowEnd = Instant.EPOCH;
    private long requests;
    private long inputTokens;
    private long outputTokens;

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts one answer with its token usage and returns the headers that go with it. */
    synchronized Map<String, String> consume(long input, long output) {
        Instant now = clock.instant();
        if (!now.isBefore(windowEnd)) {
            windowEnd = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            requests = 0;
            inputTokens = 0;
            outputTokens = 0;
        }
        requests++;
        inputTokens += input;
        outputTokens += output;
        String reset = windowEnd.toString();
        Map<String, String> h = new LinkedHashMap<>();
        put(h, "requests", REQUESTS_LIMIT, REQUESTS_LIMIT - requests, reset);
        put(h, "tokens", TOKENS_LIMIT, thousands(TOKENS_LIMIT - inputTokens - outputTokens), reset);
        put(h, "input-tokens", INPUT_TOKENS_LIMIT, thousands(INPUT_TOKENS_LIMIT - inputTokens), reset);
        put(h, "output-tokens", OUTPUT_TOKENS_LIMIT, thousands(OUTPUT_TOKENS_LIMIT - outputTokens), reset);
        return h;
    }

    private static void put(Map<String, String> h, String kind, long limit, long remaining, String reset) {
        h.put(PREFIX + kind + "-limit", Long.toString(limit));
        h.put(PREFIX + kind + "-remaining", Long.toString(Math.max(0, remaining)));
        h.put(PREFIX + kind + "-reset", reset);
    }

    private static long thousands(long n) {
        return Math.max(0, n) / 1000 * 1000;
    }
}
