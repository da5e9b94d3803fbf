package io.quarkiverse.claude.errors;

/**
 * 429 {@code rate_limit_error}: the organisation's rate limit was hit, or, with no retry-after and
 * {@code error.details.error_code = enforced_spend_limit_reached}, its monthly spend limit (see
 * {@link #isSpendLimitReached()}), which no retry will fix.
 */
public class RateLimitException extends ClaudeApiException {

    public static final int STATUS = 429;
    public static final String TYPE = "rate_limit_error";
    public static final String SPEND_LIMIT_ERROR_CODE = "enforced_spend_limit_reached";

    private static final String RATE_HINT = "Rate limited: wait as long as retry-after says before retrying, "
            + "or ask for higher limits for the organisation.";
    private static final String SPEND_HINT = "The monthly spend limit of the organisation is reached: retrying will not "
            + "help until the limit is raised in the Claude Console.";

    public RateLimitException(ApiError error) {
        super(error, isSpendLimit(error) ? SPEND_HINT : RATE_HINT);
    }

    /** @return whether this is the monthly spend cap rather than a rate limit */
    public boolean isSpendLimitReached() {
        return isSpendLimit(error());
    }

    @Override
    public boolean isRetryable() {
        return !isSpendLimitReached();
    }

    private static boolean isSpendLimit(ApiError error) {
        return SPEND_LIMIT_ERROR_CODE.equals(error.errorCode()) && error.retryAfter() == null;
    }
}
