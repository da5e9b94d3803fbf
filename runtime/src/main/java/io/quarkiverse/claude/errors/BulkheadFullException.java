package io.quarkiverse.claude.errors;

/**
 * The client's bulkhead is full: {@code max-concurrent} attempts were in flight (and, for an asynchronous call,
 * {@code max-queued} calls were already waiting), so the call failed at once without reaching the API. See the
 * client's {@code resilience.bulkhead.*}. Not retried by the client; earlier attempts of the call, if any, are
 * attached as suppressed exceptions.
 */
public class BulkheadFullException extends ClaudeException {

    private final String clientName;

    /** @param bulkheadProperty the prefix of the client's bulkhead settings, which the message names */
    public BulkheadFullException(String clientName, int maxConcurrent, int maxQueued, String bulkheadProperty,
            Throwable cause) {
        super("The Claude client " + clientName + " is at its limit of " + maxConcurrent + " calls in flight (and, "
                + "for an asynchronous call, of " + maxQueued + " waiting for a place): the call was rejected without "
                + "being sent. Raise "
                + bulkheadProperty + ".max-concurrent / max-queued, or slow down the callers.", cause);
        this.clientName = clientName;
    }

    /** @return the name of the client whose bulkhead is full */
    public String clientName() {
        return clientName;
    }

    /** Not retried at once: the client is at its limit. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
