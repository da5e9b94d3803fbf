package io.quarkiverse.claude.errors;

/** 404 {@code not_found_error}: Wrong path, or a model that is unknown or not available to this key: check quarkus.claude.model and quarkus.claude.base-url. */
public class NotFoundException extends ClaudeApiException {

    public static final int STATUS = 404;
    public static final String TYPE = "not_found_error";

    public NotFoundException(ApiError error) {
        super(error, "Wrong path, or a model that is unknown or not available to this key: check quarkus.claude.model and quarkus.claude.base-url.");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
