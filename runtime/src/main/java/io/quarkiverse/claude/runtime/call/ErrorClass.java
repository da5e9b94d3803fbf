package io.quarkiverse.claude.runtime.call;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.ConflictException;
import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.ServerTimeoutException;
import io.quarkiverse.claude.errors.StructuredOutputException;
import io.quarkiverse.claude.runtime.config.ResilienceConfig.RetryClassConfig;
import io.quarkiverse.claude.runtime.config.ResilienceConfig;

/** The error classes that have their own retry budget, and which failure belongs to which. */
enum ErrorClass {
    RATE_LIMIT,
    OVERLOADED,
    SERVER_ERROR,
    TIMEOUT,
    CONNECTION,
    CONFLICT,
    STRUCTURED_OUTPUT;

    /**
     * @return the budget a failure counts against, or {@code null} for failures that are never retried whatever the
     *         server says (our own rejections, and anything that is not a Claude failure)
     */
    static ErrorClass of(Throwable failure) {
        if (failure instanceof RateLimitException) {
            return RATE_LIMIT;
        }
        if (failure instanceof OverloadedException) {
            return OVERLOADED;
        }
        if (failure instanceof ConflictException) {
            return CONFLICT;
        }
        if (failure instanceof ServerTimeoutException || failure instanceof ClientTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof ClaudeConnectionException) {
            return CONNECTION;
        }
        if (failure instanceof IncompleteStreamException incomplete) {
            // to the caller, a stream that ends before its first event is a connection dropped before it: same budget.
            // One that ends later is passed on by StreamStart and never comes here to be judged; a @ClaudeResilience
            // method that lets one through after part of the answer reached its caller is not run again either.
            return incomplete.contentDelivered() ? null : CONNECTION;
        }
        if (failure instanceof StructuredOutputException) {
            return STRUCTURED_OUTPUT;
        }
        if (failure instanceof ClaudeApiException) {
            // 500, other 5xx and 408; also a 4xx the server marks x-should-retry: true
            return SERVER_ERROR;
        }
        return null; // CircuitOpenException, BulkheadFullException, and anything that is not a Claude failure
    }

    /** @return the prefix of this class's settings, e.g. {@code quarkus.claude.resilience.rate-limit} */
    String property(String resilienceProperty) {
        return resilienceProperty + "." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    RetryClassConfig settings(ResilienceConfig config) {
        return switch (this) {
            case RATE_LIMIT -> config.rateLimit();
            case OVERLOADED -> config.overloaded();
            case SERVER_ERROR -> config.serverError();
            case TIMEOUT -> config.timeoutRetry();
            case CONNECTION -> config.connection();
            case CONFLICT -> config.conflict();
            case STRUCTURED_OUTPUT -> config.structuredOutput();
        };
    }
}
