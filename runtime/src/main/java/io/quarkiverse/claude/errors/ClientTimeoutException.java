package io.quarkiverse.claude.errors;

import java.time.Duration;

/**
 * The client stopped waiting: no answer within its connect, read or attempt timeout, a stream silent for longer than
 * its idle timeout, the call's deadline passed, or the rate limits would admit the attempt only past it. The API may
 * still be generating; retryable in principle. Not to be confused with {@link ServerTimeoutException}, a 504 that the
 * API sent.
 */
public class ClientTimeoutException extends ClaudeException {

    private final Duration timeout;

    /**
     * A read or connect timeout of the HTTP client.
     *
     * @param timeoutProperty the property of the timeout that passed, which the message tells to raise
     */
    public ClientTimeoutException(String baseUrl, Duration timeout, String timeoutProperty, Throwable cause) {
        super("No answer from the Claude API at " + baseUrl + " within " + timeout
                + ". Raise " + timeoutProperty + ", or stream long generations; the call may be retried.", cause);
        this.timeout = timeout;
    }

    /**
     * @param message what timed out and which setting to change
     * @param timeout the timeout that passed
     */
    public ClientTimeoutException(String message, Duration timeout) {
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
