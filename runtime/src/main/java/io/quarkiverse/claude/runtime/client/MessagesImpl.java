package io.quarkiverse.claude.runtime.client;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.claude.Messages;
import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TokenCount;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.runtime.call.AttemptCost;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkiverse.claude.runtime.stream.BlockingStreams;
import io.quarkiverse.claude.runtime.stream.StreamDecoder;
import io.quarkiverse.claude.runtime.stream.StreamDecoding;
import io.quarkiverse.claude.runtime.structured.StructuredOutputs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The Messages API of one client: fills the configured defaults, then calls through {@link ClaudeCalls}. */
final class MessagesImpl implements Messages {

    private final ClaudeRestApi api;
    private final ClaudeCalls calls;
    private final String defaultModel;
    private final int defaultMaxTokens;
    private final SamplingDefaults sampling;
    private final JsonAnswers answers;
    private final RequestPreflight preflight;

    MessagesImpl(ClaudeRestApi api, ClaudeCalls calls, JsonAnswers answers, String defaultModel, int defaultMaxTokens,
            SamplingDefaults sampling) {
        this.api = api;
        this.calls = calls;
        this.answers = answers;
        this.preflight = new RequestPreflight(answers.clientName());
        this.defaultModel = defaultModel;
        this.defaultMaxTokens = defaultMaxTokens;
        this.sampling = sampling;
    }

    @Override
    public Message create(MessageRequest request) {
        MessageRequest complete = withDefaults(request);
        preflight.checkCreate(complete);
        return calls.blocking(CallInfo.of("messages.create", complete.model()).costing(AttemptCost.of(complete)),
                calls.attemptTimeout(complete.maxTokens()),
                handle -> answers.read(api.createMessageRaw(complete, handle), AnswerType.MESSAGE));
    }

    @Override
    public Uni<Message> createAsync(MessageRequest request) {
        return Uni.createFrom().item(() -> withDefaults(request)).invoke(preflight::checkCreate)
                .chain(complete -> calls.async(CallInfo.of("messages.create", complete.model()).costing(AttemptCost.of(complete)),
                        calls.attemptTimeout(complete.maxTokens()),
                        handle -> answers.read(api.createMessageRaw(complete, handle), AnswerType.MESSAGE)));
    }

    @Override
    public <T> StructuredAnswer<T> create(MessageRequest request, Class<T> type) {
        MessageRequest complete = StructuredOutputs.request(withDefaults(request), type);
        preflight.checkCreate(complete);
        CallInfo info = CallInfo.of("messages.create", complete.model()).costing(AttemptCost.of(complete));
        return calls.blocking(info, calls.attemptTimeout(complete.maxTokens()), handle -> structured(complete, type, info,
                handle));
    }

    @Override
    public <T> Uni<StructuredAnswer<T>> createAsync(MessageRequest request, Class<T> type) {
        return Uni.createFrom().item(() -> StructuredOutputs.request(withDefaults(request), type))
                .invoke(preflight::checkCreate)
                .chain(complete -> {
                    CallInfo info = CallInfo.of("messages.create", complete.model()).costing(AttemptCost.of(complete));
                    return calls.async(info, calls.attemptTimeout(complete.maxTokens()),
                            handle -> structured(complete, type, info, handle));
                });
    }

    /**
     * One attempt of a structured call: the answer is read into the type within the attempt, so that a malformed one
     * counts against the {@code structured-output} retries; its usage is the call's even when it does not fit.
     */
    private <T> Uni<StructuredAnswer<T>> structured(MessageRequest complete, Class<T> type, CallInfo info,
            AnswerHandle handle) {
        return answers.read(api.createMessageRaw(complete, handle), AnswerType.MESSAGE)
                .map(message -> {
                    info.answer(message);
                    return StructuredOutputs.read(message, type, handle.requestId());
                });
    }

    @Override
    public <T> StructuredAnswer<T> stream(MessageRequest request, Class<T> type,
            java.util.function.Consumer<String> onText) {
        Objects.requireNonNull(type, "type");
        // the call's record, kept to name the answer's request-id when the text does not fit the type
        AtomicReference<CallInfo> call = new AtomicReference<>();
        Multi<StreamEvent> events = Uni.createFrom()
                .item(() -> StructuredOutputs.request(withDefaults(request).toBuilder().stream(true).build(), type))
                .invoke(preflight::checkCreate)
                .onItem().transformToMulti(complete -> {
                    CallInfo info = streamInfo(complete);
                    call.set(info);
                    return streamChecked(complete, info);
                });
        // a stream is never retried once it began, so the text is read at the end, outside the call's attempts
        Message message = BlockingStreams.text(events, onText);
        return StructuredOutputs.read(message, type, call.get().requestId());
    }

    @Override
    public Multi<StreamEvent> stream(MessageRequest request) {
        return Uni.createFrom().item(() -> withDefaults(request).toBuilder().stream(true).build())
                .invoke(preflight::checkCreate)
                .onItem().transformToMulti(complete -> streamChecked(complete, streamInfo(complete)));
    }

    @Override
    public Message stream(MessageRequest request, java.util.function.Consumer<String> onText) {
        return BlockingStreams.text(stream(request), onText);
    }

    @Override
    public java.util.stream.Stream<StreamEvent> streamEvents(MessageRequest request) {
        return BlockingStreams.events(stream(request));
    }

    private static CallInfo streamInfo(MessageRequest complete) {
        return CallInfo.of("messages.stream", complete.model()).costing(AttemptCost.of(complete));
    }

    private Multi<StreamEvent> streamChecked(MessageRequest complete, CallInfo info) {
        return calls.stream(info, () -> {
            AnswerHandle answer = new AnswerHandle();
            return StreamDecoding.of(api.streamMessage(complete, answer), new StreamDecoder(info, answer,
                    answers.clientName()));
        });
    }

    @Override
    public TokenCount countTokens(MessageRequest request) {
        MessageRequest complete = withDefaultModel(request);
        preflight.checkCountTokens(complete);
        return calls.blocking(CallInfo.of("messages.count_tokens", complete.model()), calls.attemptTimeout(null),
                handle -> answers.read(api.countTokensRaw(complete, handle), AnswerType.TOKEN_COUNT));
    }

    @Override
    public Uni<TokenCount> countTokensAsync(MessageRequest request) {
        return Uni.createFrom().item(() -> withDefaultModel(request)).invoke(preflight::checkCountTokens)
                .chain(complete -> calls.async(CallInfo.of("messages.count_tokens", complete.model()),
                        calls.attemptTimeout(null),
                        handle -> answers.read(api.countTokensRaw(complete, handle), AnswerType.TOKEN_COUNT)));
    }

    /** @return the client's checks before sending */
    RequestPreflight preflight() {
        return preflight;
    }

    MessageRequest withDefaults(MessageRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.model() != null && request.maxTokens() != null && !sampling.appliesTo(request)) {
            return request;
        }
        MessageRequest.Builder builder = request.toBuilder();
        if (request.model() == null && defaultModel != null) {
            builder.model(defaultModel);
        }
        if (request.maxTokens() == null) {
            builder.maxTokens(defaultMaxTokens);
        }
        if (sampling.appliesTo(request)) {
            sampling.applyTo(builder);
        }
        return builder.build();
    }

    /** count_tokens takes no max_tokens. */
    private MessageRequest withDefaultModel(MessageRequest request) {
        Objects.requireNonNull(request, "request");
        return request.model() != null || defaultModel == null ? request : request.toBuilder().model(defaultModel).build();
    }
}
