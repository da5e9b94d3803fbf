package io.quarkiverse.claude.errors;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.claude.model.RateLimits;

/**
 * An error the Claude API answered. Each documented error class has its own subclass; a status or
 * {@code error.type} this version does not know arrives as this class, with the status and type as sent.
 */
public class ClaudeApiException extends ClaudeException {

    private final transient ApiError error;

    public ClaudeApiException(ApiError error) {
        this(error, "Unexpected answer from the Claude API; see the status and body.");
    }

    protected ClaudeApiException(ApiError error, String hint) {
        super(describe(error, hint), null);
        this.error = error;
    }

    /** @return everything the error response said */
    public ApiError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    /** @return {@code error.type} as sent, or {@code null} when the body was not the API's JSON */
    public String errorType() {
        return error.type();
    }

    /** @return {@code error.message} as sent (or the start of a non-JSON body) */
    public String errorMessage() {
        return error.message();
    }

    @Override
    public Optional<String> requestId() {
        return error.requestIdValue();
    }

    /** @return how long the server asked to wait before retrying ({@code retry-after-ms} / {@code retry-after}) */
    public Optional<Duration> retryAfter() {
        return error.retryAfterValue();
    }

    /** @return the server's {@code x-should-retry} verdict, when it sent one */
    public Optional<Boolean> shouldRetry() {
        return Optional.ofNullable(error.shouldRetry());
    }

    public RateLimits rateLimits() {
        return error.rateLimits();
    }

    /** @return the raw response body */
    public String body() {
        return error.body();
    }

    /** @return whether this error arrived inside a streamed answer, after the response had started with a 200 */
    public boolean isStreamError() {
        return error.inStream();
    }

    /**
     * @return whether, in a stream, content had already reached the caller before the error: such a call is never
     *         retried, since the caller has seen part of an answer
     */
    public boolean contentDelivered() {
        return error.contentDelivered();
    }

    /** Unknown classes: retryable like the API's own 5xx, and 408. */
    @Override
    public boolean isRetryable() {
        return status() == 408 || status() >= 500;
    }

    private static String describe(ApiError error, String hint) {
        StringBuilder text = new StringBuilder().append(error.status());
        if (error.type() != null) {
            text.append(' ').append(error.type());
        }
        text.append(": ").append(error.message() == null || error.message().isBlank() ? "(no message)" : error.message());
        if (error.requestId() != null) {
            text.append(" [request-id ").append(error.requestId()).append(']');
        }
        return text.append(". ").append(hint).toString();
    }
}
