package io.quarkiverse.claude.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The token bucket of {@link SimulatorOptions#tokenBucket(double, int)}: {@code burst} tokens, refilled continuously at
 * {@code rate} per second; each admitted request takes one, a refused one takes none. Called on the event loop and
 * reset from test threads, hence synchronized.
 */
final class TokenBucket implements RequestLimiter {

    private static final String PREFIX = "anthropic-ratelimit-requests-";
    /** Floating-point slack: a bucket this close to a whole token has it. */
    private static final double EPSILON = 1e-9;

    private final Clock clock;
    private final double rate;
    private final int burst;
    private double tokens;
    private Instant last;

    TokenBucket(Clock clock, double rate, int burst) {
        this.clock = clock;
        this.rate = rate;
        this.burst = burst;
        reset();
    }

    /** A full bucket. */
    synchronized void reset() {
        tokens = burst;
        last = clock.instant();
    }

    @Override
    public synchronized Decision acquire() {
        Instant now = refill();
        if (tokens >= 1 - EPSILON) {
            tokens = Math.max(0, tokens - 1);
            return new Decision(true, 0, headers(now));
        }
        double waitSeconds = (1 - tokens) / rate;
        // The API's retry-after is whole seconds, rounded up: waiting that long always finds a token (if nobody else
        // took it first).
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds - EPSILON));
        return new Decision(false, retryAfter, headers(now));
    }

    @Override
    public synchronized Decision peek() {
        Instant now = refill();
        return new Decision(tokens >= 1 - EPSILON, 0, headers(now));
    }

    @Override
    public Fault rejection(Decision d) {
        return Fault.error(429, "rate_limit_error", "This request would exceed the rate limit for your organization of "
                + number(rate) + " requests per second (burst " + burst + "). Please try again later.")
                .retryAfterSeconds(d.retryAfterSeconds());
    }

    private Instant refill() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsed * rate);
            last = now;
        }
        return last;
    }

    private Map<String, String> headers(Instant now) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(PREFIX + "limit", Integer.toString(burst));
        h.put(PREFIX + "remaining", Long.toString((long) Math.floor(tokens + EPSILON)));
        // when the bucket is full again, rounded up to the millisecond so that it is never early
        long nanosToFull = (long) Math.ceil(Math.max(0, burst - tokens - EPSILON) / rate * 1e9);
        h.put(PREFIX + "reset", ceilMillis(now.plusNanos(nanosToFull)).toString());
        return h;
    }

    private static Instant ceilMillis(Instant t) {
        Instant floor = Instant.ofEpochMilli(t.toEpochMilli());
        return floor.isBefore(t) ? floor.plusMillis(1) : floor;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
