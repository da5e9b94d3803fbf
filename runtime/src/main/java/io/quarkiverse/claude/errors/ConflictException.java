package io.quarkiverse.claude.errors;

/** 409 {@code conflict_error}: A conflicting operation is in progress: resolve the conflict, then retry. */
public class ConflictException extends ClaudeApiException {

    public static final int STATUS = 409;
    public static final String TYPE = "conflict_error";

    public ConflictException(ApiError error) {
        super(error, "A conflicting operation is in progress: resolve the conflict, then retry.");
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
