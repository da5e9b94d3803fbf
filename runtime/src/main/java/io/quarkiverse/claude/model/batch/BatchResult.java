package io.quarkiverse.claude.model.batch;

import java.util.Optional;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.model.Message;

/**
 * The outcome of one request of a batch, read from the results file: {@code succeeded} with its message,
 * {@code errored} with the typed exception of its error class, {@code canceled} or {@code expired}. A newer outcome
 * type is kept as sent.
 *
 * @param customId the id given in the {@link BatchRequest}
 * @param type {@code succeeded}, {@code errored}, {@code canceled} or {@code expired}
 * @param message the answer, when succeeded
 * @param error the typed error, when errored (not thrown: other results are still good)
 */
public record BatchResult(String customId, String type, Message message, ClaudeApiException error) {

    public static final String SUCCEEDED = "succeeded";
    public static final String ERRORED = "errored";
    public static final String CANCELED = "canceled";
    public static final String EXPIRED = "expired";

    public boolean isSucceeded() {
        return SUCCEEDED.equals(type);
    }

    public boolean isErrored() {
        return ERRORED.equals(type);
    }

    public boolean isCanceled() {
        return CANCELED.equals(type);
    }

    public boolean isExpired() {
        return EXPIRED.equals(type);
    }

    public Optional<Message> messageValue() {
        return Optional.ofNullable(message);
    }

    public Optional<ClaudeApiException> errorValue() {
        return Optional.ofNullable(error);
    }
}
