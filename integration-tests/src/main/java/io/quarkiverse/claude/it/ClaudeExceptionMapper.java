package io.quarkiverse.claude.it;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.claude.errors.BulkheadFullException;
import io.quarkiverse.claude.errors.CircuitOpenException;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.errors.ServerTimeoutException;
import io.quarkiverse.claude.errors.StructuredOutputException;

/**
 * How the demo answers its own callers when Claude fails: the caller's fault stays a 4xx, a busy upstream (or the
 * client's open circuit or full bulkhead) becomes a 429 or 503 with Retry-After, and our own misconfiguration (key,
 * billing, permission, model) is a 502, never a 401 that would blame the caller.
 */
@Provider
public class ClaudeExceptionMapper implements ExceptionMapper<ClaudeException> {

    /** The JSON body of an error answer. */
    public record ErrorBody(String error, int upstreamStatus, String type, String message, String requestId,
            boolean retryable) {
    }

    @Override
    public Response toResponse(ClaudeException exception) {
        int upstream = exception instanceof ClaudeApiException api ? api.status() : 0;
        String type = exception instanceof ClaudeApiException api ? api.errorType() : null;
        Response.ResponseBuilder response = Response.status(statusFor(exception))
                .entity(new ErrorBody(exception.getClass().getSimpleName(), upstream, type, exception.getMessage(),
                        exception.requestId().orElse(null), exception.isRetryable()));
        if (exception instanceof ClaudeApiException api && api.retryAfter().isPresent()) {
            response.header("Retry-After", Math.max(1, api.retryAfter().get().toSeconds()));
        }
        return response.build();
    }

    static int statusFor(ClaudeException exception) {
        if (exception instanceof RateLimitException rate) {
            return rate.isSpendLimitReached() ? 503 : 429;
        }
        if (exception instanceof InvalidRequestException) {
            return 400;
        }
        if (exception instanceof RequestTooLargeException) {
            return 413;
        }
        if (exception instanceof ServerTimeoutException || exception instanceof ClientTimeoutException) {
            return 504;
        }
        if (exception instanceof StructuredOutputException) {
            return 502; // the answer did not fit the type: upstream's fault, whether or not worth another try
        }
        if (exception instanceof ClaudeConnectionException || exception instanceof CircuitOpenException
                || exception instanceof BulkheadFullException || exception.isRetryable()) {
            return 503;
        }
        return 502;
    }
}
