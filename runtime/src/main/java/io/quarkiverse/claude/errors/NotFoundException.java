package io.quarkiverse.claude.errors;

/**
 * 404 {@code not_found_error}: Wrong path, or a model that is unknown or not available to this key: check the client's
 * {@code model} and {@code base-url}.
 */
public class NotFoundException extends ClaudeApiException {

    public static final int STATUS = 404;
    public static final String TYPE = "not_found_error";

    /** An answer to the default client: the message names {@code quarkus.claude.model} and {@code base-url}. */
    public NotFoundException(ApiError error) {
        this(error, "quarkus.claude.model", "quarkus.claude.base-url");
    }

    /**
     * @param modelProperty the model property of the client that got the answer, which the message names
     * @param baseUrlProperty its base URL property, which the message names
     */
    public NotFoundException(ApiError error, String modelProperty, String baseUrlProperty) {
        super(error, "Wrong path, or a model that is unknown or not available to this key: check " + modelProperty
                + " and " + baseUrlProperty + ".");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
