package io.quarkiverse.claude.runtime;

import java.util.Objects;

import io.quarkiverse.claude.Messages;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TokenCount;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.smallrye.mutiny.Uni;

/** The Messages API of one client: fills the configured defaults, then calls through {@link ClaudeCalls}. */
final class MessagesImpl implements Messages {

    private final ClaudeRestApi api;
    private final ClaudeCalls calls;
    private final String defaultModel;
    private final int defaultMaxTokens;

    MessagesImpl(ClaudeRestApi api, ClaudeCalls calls, String defaultModel, int defaultMaxTokens) {
        this.api = api;
        this.calls = calls;
        this.defaultModel = defaultModel;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    public Message create(MessageRequest request) {
        MessageRequest complete = withDefaults(request);
        return calls.blocking(calls.attemptTimeout(complete.maxTokens()), () -> api.createMessageAsync(complete));
    }

    @Override
    public Uni<Message> createAsync(MessageRequest request) {
        MessageRequest complete = withDefaults(request);
        return calls.async(calls.attemptTimeout(complete.maxTokens()), () -> api.createMessageAsync(complete));
    }

    @Override
    public TokenCount countTokens(MessageRequest request) {
        MessageRequest complete = withDefaultModel(request);
        return calls.blocking(calls.attemptTimeout(null), () -> api.countTokensAsync(complete));
    }

    @Override
    public Uni<TokenCount> countTokensAsync(MessageRequest request) {
        MessageRequest complete = withDefaultModel(request);
        return calls.async(calls.attemptTimeout(null), () -> api.countTokensAsync(complete));
    }

    private MessageRequest withDefaults(MessageRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.model() != null && request.maxTokens() != null) {
            return request;
        }
        MessageRequest.Builder builder = request.toBuilder();
        if (request.model() == null && defaultModel != null) {
            builder.model(defaultModel);
        }
        if (request.maxTokens() == null) {
            builder.maxTokens(defaultMaxTokens);
        }
        return builder.build();
    }

    /** count_tokens takes no max_tokens. */
    private MessageRequest withDefaultModel(MessageRequest request) {
        Objects.requireNonNull(request, "request");
        return request.model() != null || defaultModel == null ? request : request.toBuilder().model(defaultModel).build();
    }
}
