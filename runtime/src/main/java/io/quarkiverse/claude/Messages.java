package io.quarkiverse.claude;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TokenCount;
import io.smallrye.mutiny.Uni;

/** The Messages API. Unset {@code model} and {@code max_tokens} are taken from the client's configuration. */
public interface Messages {

    /** {@code POST /v1/messages}, blocking. Do not call it on an event-loop thread; use {@link #createAsync}. */
    Message create(MessageRequest request);

    /** {@code POST /v1/messages}, non-blocking; failures arrive as {@link io.quarkiverse.claude.errors.ClaudeException}. */
    Uni<Message> createAsync(MessageRequest request);

    /** {@code POST /v1/messages/count_tokens}, with the same request model as {@link #create}. */
    TokenCount countTokens(MessageRequest request);

    /** {@code POST /v1/messages/count_tokens}, non-blocking. */
    Uni<TokenCount> countTokensAsync(MessageRequest request);
}
