package io.quarkiverse.claude.errors;

import java.util.Locale;
import java.util.Optional;

/**
 * An answer that is not the API's: a successful status whose body is not the JSON the endpoint returns (an HTML page
 * of a proxy, an empty or malformed body, a JSON array, an object without the fields it must have), an answer larger
 * than the client's {@code max-response-size}, a redirect, a plain answer to a streaming request, or a streamed event
 * whose data is not JSON. Something between the client and the API (a proxy, a gateway, a wrong base URL) answered,
 * or the answer was damaged on the way.
 * <p>
 * Not retried: the request may have reached the API and been paid for, and the same path will most likely answer the
 * same way. {@link #reason()} says which case it is; the message names the fix.
 */
public class UnexpectedResponseException extends ClaudeException {

    /** What was wrong with the answer. */
    public enum Reason {
        /** The body is not JSON (an HTML page, malformed or cut JSON). */
        NOT_JSON,
        /** The body is empty. */
        EMPTY,
        /** The body is JSON, but not of the shape the endpoint returns (an array, an object missing its fields). */
        WRONG_SHAPE,
        /** The body is larger than the client's {@code max-response-size}; reading stopped there. */
        TOO_LARGE,
        /** A 3xx answer: redirects are not followed, so that the key never goes to another address. */
        REDIRECT,
        /** A streaming request was answered with something other than {@code text/event-stream}. */
        NOT_A_STREAM,
        /** An event of a streamed answer carries data that is not the JSON of an event. */
        CORRUPT_EVENT;

        /** @return the reason in lower case, as metrics and call events name it, e.g. {@code not_json} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final int status;
    private final String contentType;
    private final String requestId;
    private final String bodyExcerpt;
    private final boolean contentDelivered;

    /**
     * @param reason what was wrong
     * @param status the HTTP status of the answer (200 for a streamed event)
     * @param contentType the answer's {@code content-type}, or {@code null} when it had none
     * @param requestId the {@code request-id} header, or {@code null}
     * @param bodyExcerpt the start of the body, or of the event's data ({@code ""} when none was read)
     * @param contentDelivered whether, in a stream, content had reached the caller before this
     * @param detail what exactly was found and what to do about it
     */
    public UnexpectedResponseException(Reason reason, int status, String contentType, String requestId,
            String bodyExcerpt, boolean contentDelivered, String detail) {
        super(describe(status, contentType, requestId, bodyExcerpt, detail), null);
        this.reason = reason;
        this.status = status;
        this.contentType = contentType;
        this.requestId = requestId;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
        this.contentDelivered = contentDelivered;
    }

    /** @return what was wrong with the answer */
    public Reason reason() {
        return reason;
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return status;
    }

    /** @return the answer's {@code content-type}, when it had one */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return the start of the body (or of the event's data), as received; {@code ""} when none was read */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /**
     * @return whether, in a stream, content had already reached the caller before the bad event: what arrived is
     *         incomplete
     */
    public boolean contentDelivered() {
        return contentDelivered;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    private static String describe(int status, String contentType, String requestId, String excerpt, String detail) {
        StringBuilder text = new StringBuilder("Unexpected answer to a Claude API call (status ").append(status);
        text.append(", content-type ").append(contentType == null ? "none" : contentType);
        if (requestId != null) {
            text.append(", request-id ").append(requestId);
        }
        text.append("): ").append(detail);
        if (excerpt != null && !excerpt.isEmpty()) {
            text.append(" The answer began: ").append(excerpt);
        }
        return text.toString();
    }
}
