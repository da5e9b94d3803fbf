package io.quarkiverse.claude.errors;

/** 400 {@code invalid_request_error}: The request is invalid: fix the field the message names (a 400 is also how the API reports a spend limit set on the workspace). */
public class InvalidRequestException extends ClaudeApiException {

    public static final int STATUS = 400;
    public static final String TYPE = "invalid_request_error";

    public InvalidRequestException(ApiError error) {
        super(error, "The request is invalid: fix the field the message names (a 400 is also how the API reports a spend limit set on the workspace).");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
