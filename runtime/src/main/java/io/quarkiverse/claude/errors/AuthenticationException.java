package io.quarkiverse.claude.errors;

/** 401 {@code authentication_error}: The API key is missing, malformed, revoked or expired: check quarkus.claude.api-key or the ANTHROPIC_API_KEY environment variable. */
public class AuthenticationException extends ClaudeApiException {

    public static final int STATUS = 401;
    public static final String TYPE = "authentication_error";

    public AuthenticationException(ApiError error) {
        super(error, "The API key is missing, malformed, revoked or expired: check quarkus.claude.api-key or the ANTHROPIC_API_KEY environment variable.");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
