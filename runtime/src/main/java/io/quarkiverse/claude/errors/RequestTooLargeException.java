package io.quarkiverse.claude.errors;

/** 413 {@code request_too_large}: The request is over the size limit (32 MB for Messages and count_tokens, 256 MB for Batches): send less, or use the Files API. */
public class RequestTooLargeException extends ClaudeApiException {

    public static final int STATUS = 413;
    public static final String TYPE = "request_too_large";

    public RequestTooLargeException(ApiError error) {
        super(error, "The request is over the size limit (32 MB for Messages and count_tokens, 256 MB for Batches): send less, or use the Files API.");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
