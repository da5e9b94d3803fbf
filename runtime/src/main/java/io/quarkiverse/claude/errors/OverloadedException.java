package io.quarkiverse.claude.errors;

/** 529 {@code overloaded_error}: The API is temporarily overloaded: retry with backoff. */
public class OverloadedException extends ClaudeApiException {

    public static final int STATUS = 529;
    public static final String TYPE = "overloaded_error";

    public OverloadedException(ApiError error) {
        super(error, "The API is temporarily overloaded: retry with backoff.");
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
