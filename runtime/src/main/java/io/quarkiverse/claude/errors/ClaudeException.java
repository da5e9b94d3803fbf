package io.quarkiverse.claude.errors;

import java.util.Optional;

/**
 * Base of every failure of a Claude call: errors the API answered ({@link ClaudeApiException} and its subclasses)
 * and transport failures ({@link ClaudeConnectionException}, {@link ClientTimeoutException}).
 */
public abstract class ClaudeException extends RuntimeException {

    private volatile String policyNote;
    private volatile boolean retryRefused;

    protected ClaudeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return the message, followed by what the client's resilience policy did with this failure when it decided
     *         against the retry the class would have had (e.g. a {@code retry-after} longer than it may wait)
     */
    @Override
    public String getMessage() {
        String note = policyNote;
        return note == null ? super.getMessage() : super.getMessage() + " " + note;
    }

    /**
     * Used by the client's resilience policy to say, in the message, why it did not retry this failure. Not meant for
     * applications.
     *
     * @return this exception
     */
    public ClaudeException withPolicyNote(String note) {
        this.policyNote = note;
        return this;
    }

    /**
     * Used by the client when this failure must not be retried whatever its class, e.g. an upload whose stream was
     * already read and cannot be sent again; {@code reason} goes into the message. Not meant for applications.
     *
     * @return this exception
     */
    public ClaudeException withoutRetry(String reason) {
        this.retryRefused = true;
        return withPolicyNote(reason);
    }

    /** @return whether the client refused to retry this failure whatever its class ({@link #withoutRetry}) */
    public boolean isRetryRefused() {
        return retryRefused;
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
