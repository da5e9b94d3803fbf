package io.quarkiverse.claude.errors;

/** 500 {@code api_error}: An unexpected error inside the API: retry later, and quote the request id to Anthropic if it persists. */
public class InternalServerException extends ClaudeApiException {

    public static final int STATUS = 500;
    public static final String TYPE = "api_error";

    public InternalServerException(ApiError error) {
        super(error, "An unexpected error inside the API: retry later, and quote the request id to Anthropic if it persists.");
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
