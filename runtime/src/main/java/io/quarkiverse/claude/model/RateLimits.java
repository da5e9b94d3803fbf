package io.quarkiverse.claude.model;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The {@code anthropic-ratelimit-*} headers of one response. A limit the response did not report is
 * {@link RateLimit#UNKNOWN}.
 */
public record RateLimits(RateLimit requests, RateLimit tokens, RateLimit inputTokens, RateLimit outputTokens) {

    public static final RateLimits NONE = new RateLimits(RateLimit.UNKNOWN, RateLimit.UNKNOWN, RateLimit.UNKNOWN,
            RateLimit.UNKNOWN);

    /** @return whether the response carried any rate-limit header at all */
    public boolean isPresent() {
        return !equals(NONE);
    }

    /**
     * One limit: its size, what is left (token counts are rounded to thousands by the API) and when it is full again.
     */
    public record RateLimit(Long limit, Long remaining, OffsetDateTime reset) {

        public static final RateLimit UNKNOWN = new RateLimit(null, null, null);

        public Optional<Long> limitValue() {
            return Optional.ofNullable(limit);
        }

        public Optional<Long> remainingValue() {
            return Optional.ofNullable(remaining);
        }

        public Optional<OffsetDateTime> resetTime() {
            return Optional.ofNullable(reset);
        }
    }
}
