package io.quarkiverse.claude.runtime.errors;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;

/** Reads the headers of the API that carry meaning: retry hints and rate limits. Bad values are ignored, not fatal. */
public final class ResponseHeaders {

    private static final Logger LOG = Logger.getLogger(ResponseHeaders.class);

    public static final String REQUEST_ID = "request-id";
    public static final String RETRY_AFTER = "retry-after";
    public static final String RETRY_AFTER_MS = "retry-after-ms";
    public static final String SHOULD_RETRY = "x-should-retry";
    private static final String RATE_LIMIT_PREFIX = "anthropic-ratelimit-";

    private ResponseHeaders() {
    }

    /**
     * The longest {@code retry-after} taken at its word. Rate-limit windows reset within minutes; a longer value is
     * garbage (or a mistake of a proxy), so it is treated as absent and the class's backoff applies.
     */
    static final Duration ABSURD_RETRY_AFTER = Duration.ofDays(1);

    /**
     * @param header a header lookup by name
     * @param now the clock, for {@code retry-after} given as an HTTP date
     * @return the wait the server asks for: {@code retry-after-ms}, else {@code retry-after} in seconds or as an
     *         HTTP date; {@code null} when absent or unusable (negative, not a number or a date, a date in the past,
     *         longer than a day): then the class's backoff applies, as in the official SDKs. An unusable value is logged
     *         at DEBUG.
     */
    public static Duration retryAfter(Function<String, String> header, Supplier<ZonedDateTime> now) {
        String millis = header.apply(RETRY_AFTER_MS);
        if (millis != null) {
            Duration wait = usable(RETRY_AFTER_MS, millis, seconds(millis, 0.001));
            if (wait != null) {
                return wait;
            }
        }
        String value = header.apply(RETRY_AFTER);
        if (value == null) {
            return null;
        }
        Duration seconds = seconds(value, 1);
        if (seconds != null) {
            return usable(RETRY_AFTER, value, seconds);
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return usable(RETRY_AFTER, value, Duration.between(now.get(), at));
        } catch (DateTimeParseException notADate) {
            return usable(RETRY_AFTER, value, null);
        }
    }

    /**
     * @param unit the length of one unit of {@code value}, in seconds
     * @return the wait {@code value} says, clamped to a day and a second past either end of {@link #ABSURD_RETRY_AFTER}
     *         so that no number overflows; {@code null} when it is no finite number
     */
    private static Duration seconds(String value, double unit) {
        double seconds;
        try {
            seconds = Double.parseDouble(value.trim()) * unit;
        } catch (NumberFormatException notANumber) {
            return null;
        }
        if (Double.isNaN(seconds)) {
            return null;
        }
        double bound = ABSURD_RETRY_AFTER.toSeconds() + 1.0;
        return Duration.ofNanos((long) (Math.max(-bound, Math.min(bound, seconds)) * 1_000_000_000L));
    }

    private static Duration usable(String name, String raw, Duration wait) {
        if (wait == null || wait.isNegative() || wait.compareTo(ABSURD_RETRY_AFTER) > 0) {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Ignoring the %s header %s: %s; the retry backoff applies instead", name, raw,
                        wait == null ? "neither a number nor an HTTP date"
                                : wait.isNegative() ? "it is in the past or negative" : "it is longer than a day");
            }
            return null;
        }
        return wait;
    }

    /** @return {@code x-should-retry} as a boolean, or {@code null} when absent or neither true nor false */
    public static Boolean shouldRetry(Function<String, String> header) {
        String value = header.apply(SHOULD_RETRY);
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
    }

    public static RateLimits rateLimits(Function<String, String> header) {
        return new RateLimits(limit(header, "requests"), limit(header, "tokens"), limit(header, "input-tokens"),
                limit(header, "output-tokens"));
    }

    private static RateLimit limit(Function<String, String> header, String kind) {
        String prefix = RATE_LIMIT_PREFIX + kind + "-";
        Long limit = number(header.apply(prefix + "limit"));
        Long remaining = number(header.apply(prefix + "remaining"));
        OffsetDateTime reset = time(header.apply(prefix + "reset"));
        if (limit == null && remaining == null && reset == null) {
            return RateLimit.UNKNOWN;
        }
        return new RateLimit(limit, remaining, reset);
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime time(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
