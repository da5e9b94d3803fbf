package io.quarkiverse.claude.errors;

/**
 * 401 {@code authentication_error}: The API key is missing, malformed, revoked or expired: check the client's
 * {@code api-key} or the ANTHROPIC_API_KEY environment variable.
 */
public class AuthenticationException extends ClaudeApiException {

    public static final int STATUS = 401;
    public static final String TYPE = "authentication_error";

    /** An answer to the default client: the message names {@code quarkus.claude.api-key}. */
    public AuthenticationException(ApiError error) {
        this(error, "quarkus.claude.api-key");
    }

    /** @param apiKeyProperty the API key property of the client that got the answer, which the message names */
    public AuthenticationException(ApiError error, String apiKeyProperty) {
        super(error, "The API key is missing, malformed, revoked or expired: check " + apiKeyProperty
                + " or the ANTHROPIC_API_KEY environment variable.");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
