package io.quarkiverse.claude.errors;

/** 402 {@code billing_error}: A billing problem: check the plan and payment details of the organisation in the Claude Console. */
public class BillingException extends ClaudeApiException {

    public static final int STATUS = 402;
    public static final String TYPE = "billing_error";

    public BillingException(ApiError error) {
        super(error, "A billing problem: check the plan and payment details of the organisation in the Claude Console.");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
