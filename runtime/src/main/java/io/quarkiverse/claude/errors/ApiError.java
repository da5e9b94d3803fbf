package io.quarkiverse.claude.errors;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.claude.model.RateLimits;

/**
 * Everything an error response said: the status, the body's {@code error.type}, {@code error.message} and
 * {@code error.details.error_code}, the request id, the retry hints and the rate-limit headers.
 *
 * @param status the HTTP status
 * @param type {@code error.type} as sent, or {@code null} when the body was not the API's JSON
 * @param message {@code error.message}, or the start of a body that was not JSON
 * @param requestId the body's {@code request_id}, else the {@code request-id} header; may be {@code null}
 * @param retryAfter from {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date); may be {@code null}
 * @param shouldRetry the {@code x-should-retry} header, or {@code null} when absent
 * @param errorCode {@code error.details.error_code}, or {@code null}
 * @param rateLimits the {@code anthropic-ratelimit-*} headers
 * @param body the raw body, as received
 * @param inStream whether the error arrived as an {@code event: error} inside a streamed answer, after a 200
 * @param contentDelivered whether, in a stream, content had already reached the caller before the error
 */
public record ApiError(int status, String type, String message, String requestId, Duration retryAfter,
        Boolean shouldRetry, String errorCode, RateLimits rateLimits, String body, boolean inStream,
        boolean contentDelivered) {

    public Optional<String> requestIdValue() {
        return Optional.ofNullable(requestId);
    }

    public Optional<Duration> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }
}
