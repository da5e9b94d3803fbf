package io.quarkiverse.claude.testing;

/**
 * A request the simulated API rejects: carries what goes into the error body. Thrown by the endpoints and turned into
 * an answer by {@link ApiDispatcher}; no stack trace, it is control flow.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String type;

    ApiException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiException invalid(String message) {
        return new ApiException(400, ErrorTypes.INVALID_REQUEST, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, ErrorTypes.NOT_FOUND, message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
