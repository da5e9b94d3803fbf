package io.quarkiverse.claude.errors;

/**
 * The API could not be reached, or the connection broke before a full answer: refused, reset, closed, DNS or TLS
 * failures. Retryable in principle: nothing was answered.
 */
public class ClaudeConnectionException extends ClaudeException {

    /** @param baseUrlProperty the base URL property of the client, which the message tells to check */
    public ClaudeConnectionException(String baseUrl, String baseUrlProperty, Throwable cause) {
        super("Could not talk to the Claude API at " + baseUrl + ": " + describe(cause)
                + ". Check " + baseUrlProperty + ", the network and any proxy; the call may be retried.", cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
