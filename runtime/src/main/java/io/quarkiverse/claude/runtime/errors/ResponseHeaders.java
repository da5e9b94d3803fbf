package io.quarkiverse.claude.runtime.errors;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;

/** Reads the headers of the API that carry meaning: retry hints and rate limits. Bad values are ignored, not fatal. */
public final class ResponseHeaders {

    public static final String REQUEST_ID = "request-id";
    public static final String RETRY_AFTER = "retry-after";
    public static final String RETRY_AFTER_MS = "retry-after-ms";
    public static final String SHOULD_RETRY = "x-should-retry";
    private static final String RATE_LIMIT_PREFIX = "anthropic-ratelimit-";

    private ResponseHeaders() {
    }

    /**
     * @param header a header lookup by name
     * @param now the clock, for {@code retry-after} given as an HTTP date
     * @return the wait the server asks for: {@code retry-after-ms}, else {@code retry-after} in seconds or as an
     *         HTTP date; {@code null} when absent or unreadable; never negative
     */
    public static Duration retryAfter(Function<String, String> header, Supplier<ZonedDateTime> now) {
        String millis = header.apply(RETRY_AFTER_MS);
        if (millis != null) {
            try {
                return nonNegative(Duration.ofNanos((long) (Double.parseDouble(millis.trim()) * 1_000_000)));
            } catch (NumberFormatException ignored) {
                // fall back to retry-after
            }
        }
        String value = header.apply(RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return nonNegative(Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return nonNegative(Duration.between(now.get(), at));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
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

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
