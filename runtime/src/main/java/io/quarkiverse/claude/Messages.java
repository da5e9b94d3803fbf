package io.quarkiverse.claude;

import java.util.function.Consumer;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TokenCount;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The Messages API. Unset {@code model} and {@code max_tokens} are taken from the client's configuration. */
public interface Messages {

    /** {@code POST /v1/messages}, blocking. Do not call it on an event-loop thread; use {@link #createAsync}. */
    Message create(MessageRequest request);

    /** {@code POST /v1/messages}, non-blocking; failures arrive as {@link io.quarkiverse.claude.errors.ClaudeException}. */
    Uni<Message> createAsync(MessageRequest request);

    /**
     * {@code POST /v1/messages} with {@code "stream": true}: the answer as typed events, as they arrive. An
     * {@code event: error} fails the stream with the typed exception of its {@code error.type}
     * ({@link io.quarkiverse.claude.errors.ClaudeApiException#contentDelivered()} says whether content had already
     * arrived); a stream that ends without {@code message_stop} fails with
     * {@link io.quarkiverse.claude.errors.IncompleteStreamException}. Unknown event types are passed on as
     * {@link io.quarkiverse.claude.model.stream.UnknownEvent}. Collect the final message with
     * {@code stream(r).collect().in(MessageAccumulator::new, MessageAccumulator::accept)}.
     */
    Multi<StreamEvent> stream(MessageRequest request);

    /**
     * Streams the answer, blocking, handing each piece of text to {@code onText} as it arrives, on the calling thread.
     * When the stream fails, all the text that arrived before the failure has been handed over before the failure is
     * thrown.
     *
     * @return the complete message, accumulated from the events
     */
    Message stream(MessageRequest request, Consumer<String> onText);

    /**
     * Streams the answer as a blocking {@link java.util.stream.Stream} of events. Close it (try-with-resources) to stop
     * early. When the stream fails, every event that arrived before the failure is handed over before the failure is
     * thrown.
     */
    java.util.stream.Stream<StreamEvent> streamEvents(MessageRequest request);

    /**
     * {@code POST /v1/messages} asking for a structured answer: the JSON schema of {@code type} (a record or a class
     * with properties, derived once and cached) goes in {@code output_config.format}, and the answer is read into the
     * type. Blocking.
     *
     * @return the object, with the answer (usage, stop reason)
     * @throws io.quarkiverse.claude.errors.InvalidRequestException before sending, naming the type and the property,
     *         when the API could not accept the type's schema (recursive, a map, no properties, ...)
     * @throws io.quarkiverse.claude.errors.StructuredOutputException when the answer does not fit the type
     */
    <T> StructuredAnswer<T> create(MessageRequest request, Class<T> type);

    /** {@link #create(MessageRequest, Class)}, non-blocking. */
    <T> Uni<StructuredAnswer<T>> createAsync(MessageRequest request, Class<T> type);

    /**
     * {@link #create(MessageRequest, Class)}, streamed: {@code onText} gets the JSON as it arrives, on the calling
     * thread; the whole text is read into the type at the end.
     */
    <T> StructuredAnswer<T> stream(MessageRequest request, Class<T> type, Consumer<String> onText);

    /** {@code POST /v1/messages/count_tokens}, with the same request model as {@link #create}. */
    TokenCount countTokens(MessageRequest request);

    /** {@code POST /v1/messages/count_tokens}, non-blocking. */
    Uni<TokenCount> countTokensAsync(MessageRequest request);
}
