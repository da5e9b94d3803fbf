package io.quarkiverse.claude.errors;

/** 504 {@code timeout_error}: The API timed out while processing the request: retry, and stream long generations. */
public class ApiTimeoutException extends ClaudeApiException {

    public static final int STATUS = 504;
    public static final String TYPE = "timeout_error";

    public ApiTimeoutException(ApiError error) {
        super(error, "The API timed out while processing the request: retry, and stream long generations.");
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
