package io.quarkiverse.claude.errors;

import java.util.Optional;

/**
 * Base of every failure of a Claude call: errors the API answered ({@link ClaudeApiException} and its subclasses)
 * and transport failures ({@link ClaudeConnectionException}, {@link ClaudeTimeoutException}).
 */
public abstract class ClaudeException extends RuntimeException {

    protected ClaudeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return whether this class of failure is worth retrying in principle (409, 429, 500, 504, 529, connection
     *         failures and timeouts), before the server's {@code x-should-retry} or any policy has a say
     */
    public abstract boolean isRetryable();

    /** @return the request id to quote to Anthropic support, when the API gave one */
    public Optional<String> requestId() {
        return Optional.empty();
    }
}
