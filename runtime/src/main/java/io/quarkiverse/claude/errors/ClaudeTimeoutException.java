package io.quarkiverse.claude.errors;

import java.time.Duration;

/**
 * No answer in time: the connect or read timeout of the client passed. The API may still be generating; retryable in
 * principle.
 */
public class ClaudeTimeoutException extends ClaudeException {

    private final Duration timeout;

    public ClaudeTimeoutException(String baseUrl, Duration timeout, Throwable cause) {
        super("No answer from the Claude API at " + baseUrl + " within " + timeout
                + ". Raise quarkus.claude.read-timeout, or stream long generations; the call may be retried.", cause);
        this.timeout = timeout;
    }

    /**
     * @param message what timed out and which setting to change
     * @param timeout the timeout that passed
     */
    public ClaudeTimeoutException(String message, Duration timeout) {
        super(message, null);
        this.timeout = timeout;
    }

    /** @return the timeout that passed */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
