package io.quarkiverse.claude.testing;

import java.util.Map;

/** The API's documented error types and the HTTP status each comes with. */
final class ErrorTypes {

    static final String INVALID_REQUEST = "invalid_request_error";
    static final String AUTHENTICATION = "authentication_error";
    static final String NOT_FOUND = "not_found_error";
    static final String REQUEST_TOO_LARGE = "request_too_large";

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry(INVALID_REQUEST, 400),
            Map.entry(AUTHENTICATION, 401),
            Map.entry("billing_error", 402),
            Map.entry("permission_error", 403),
            Map.entry(NOT_FOUND, 404),
            Map.entry("conflict_error", 409),
            Map.entry(REQUEST_TOO_LARGE, 413),
            Map.entry("rate_limit_error", 429),
            Map.entry("api_error", 500),
            Map.entry("timeout_error", 504),
            Map.entry("overloaded_error", 529));

    private ErrorTypes() {
    }

    /** The status the API uses for {@code errorType}; 500 for a type it does not document. */
    static int statusOf(String errorType) {
        return STATUS.getOrDefault(errorType, 500);
    }
}
