package io.quarkiverse.claude.errors;

/**
 * 504 {@code timeout_error}: the API answered, saying that it timed out on its side while processing the request. Not
 * to be confused with {@link ClientTimeoutException}, where the client stopped waiting for an answer.
 */
public class ServerTimeoutException extends ClaudeApiException {

    public static final int STATUS = 504;
    public static final String TYPE = "timeout_error";

    public ServerTimeoutException(ApiError error) {
        super(error, "The API timed out while processing the request: retry, and stream long generations.");
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
