package io.quarkiverse.claude.errors;

/**
 * A streamed answer ended without {@code message_stop}: the answer is cut short, and what arrived must not be taken
 * for the whole. Retried like a broken connection, on the {@code connection} budget, when it ends before its first
 * event; never retried once an event reached the caller.
 */
public class IncompleteStreamException extends ClaudeException {

    private final boolean contentDelivered;

    public IncompleteStreamException(int eventsReceived, boolean contentDelivered) {
        super("The streamed answer ended after " + eventsReceived + " events without message_stop: it is incomplete"
                + (contentDelivered ? ", and part of it already reached the caller." : ".")
                + " The connection may have been cut by a proxy or a timeout.", null);
        this.contentDelivered = contentDelivered;
    }

    /** @return whether part of the answer had already reached the caller */
    public boolean contentDelivered() {
        return contentDelivered;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
