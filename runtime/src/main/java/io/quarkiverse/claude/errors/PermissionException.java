package io.quarkiverse.claude.errors;

/** 403 {@code permission_error}: The key may not use this resource or model: check the key's workspace and its permissions in the Claude Console. */
public class PermissionException extends ClaudeApiException {

    public static final int STATUS = 403;
    public static final String TYPE = "permission_error";

    public PermissionException(ApiError error) {
        super(error, "The key may not use this resource or model: check the key's workspace and its permissions in the Claude Console.");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
