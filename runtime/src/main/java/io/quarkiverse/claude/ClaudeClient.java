package io.quarkiverse.claude;

import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.RateLimits;

/**
 * The entry point to Claude. Inject it with a plain {@code @Inject ClaudeClient claude;} (or with
 * {@link ClaudeClientName} for a named client). Thread-safe; one instance per configured client.
 * <p>
 * Every failure is a {@link io.quarkiverse.claude.errors.ClaudeException}: one subclass per error class of the API,
 * plus connection and timeout failures.
 */
public interface ClaudeClient {

    /**
     * Sends one user prompt with the configured model and max tokens.
     *
     * @return the text of the answer
     */
    default String ask(String prompt) {
        return messages().create(MessageRequest.of(prompt)).text();
    }

    /**
     * Sends one user prompt and reads the answer into {@code type}, a record or a class with properties, whose JSON
     * schema the answer follows (see {@link Messages#create(MessageRequest, Class)}).
     *
     * @return the answer as a {@code T}
     */
    default <T> T ask(String prompt, Class<T> type) {
        return messages().create(MessageRequest.of(prompt), type).value();
    }

    /** {@code /v1/messages}: create (blocking or {@code Uni}) and count tokens. */
    Messages messages();

    /** {@code /v1/models}: list and retrieve. */
    Models models();

    /** {@code /v1/messages/batches}: Message Batches. */
    Batches batches();

    /** {@code /v1/files}: the Files API (beta). */
    Files files();

    /** @return the client's name: {@code <default>} for the default client */
    String name();

    /** @return the {@code anthropic-ratelimit-*} headers of the latest response this client received */
    RateLimits lastRateLimits();
}
