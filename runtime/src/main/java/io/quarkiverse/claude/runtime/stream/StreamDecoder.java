package io.quarkiverse.claude.runtime.stream;

import java.util.HashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.client.SseEvent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageStartEvent;
import io.quarkiverse.claude.model.stream.MessageStopEvent;
import io.quarkiverse.claude.model.stream.StreamDelta;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.model.stream.UnknownEvent;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.quarkiverse.claude.runtime.json.WireJson;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;

/**
 * Turns the server-sent events of one streamed answer (parsed by the REST Client) into typed events: an
 * {@code error} event fails the stream with the typed exception of its {@code error.type}, and the end of the stream
 * without {@code message_stop} fails it with {@link IncompleteStreamException}. One per stream.
 */
public final class StreamDecoder {

    private static final ObjectMapper JSON = WireJson.MAPPER;
    private static final ObjectReader EVENTS = JSON.readerFor(StreamEvent.class);
    /**
     * A reader per known event name, straight into its class: the API names each event's type in its {@code event:}
     * line as well as in its data, and reading the concrete class skips the polymorphic type handling (which
     * buffers the {@code type} property of every event).
     */
    private static final Map<String, ObjectReader> BY_NAME = readersByName();

    /** Takes the polymorphic type handling off a known event class, for this decoder's mapper only. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private abstract static class Untyped {
    }

    private static Map<String, ObjectReader> readersByName() {
        ObjectMapper untyped = JSON.copy(); // the wire's settings, plus the mix-ins and the delta reader below
        for (JsonSubTypes.Type type : StreamDelta.class.getAnnotation(JsonSubTypes.class).value()) {
            untyped.addMixIn(type.value(), Untyped.class);
        }
        untyped.registerModule(new SimpleModule().addDeserializer(StreamDelta.class,
                new StreamDeltaDeserializer(JSON.readerFor(StreamDelta.class))));
        Map<String, ObjectReader> readers = new HashMap<>();
        for (JsonSubTypes.Type type : StreamEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            untyped.addMixIn(type.value(), Untyped.class);
            readers.put(type.name(), untyped.readerFor(type.value()));
        }
        return Map.copyOf(readers);
    }

    private final CallInfo info;
    private final AnswerHandle answer;
    private final String clientName;
    private int events;
    private boolean contentDelivered;
    private boolean stopped;

    /**
     * @param answer the stream's answer, for the request id of a corrupt event
     * @param clientName the client that streams, whose properties the exception of an error event names
     */
    public StreamDecoder(CallInfo info, AnswerHandle answer, String clientName) {
        this.info = info;
        this.answer = answer;
        this.clientName = clientName;
    }

    /**
     * @param sse one event from the REST Client, whose data is the String it parsed
     * @return the typed event, or {@code null} for an event without data (a comment, a blank {@code data:})
     * @throws UnexpectedResponseException when the data is not the JSON of an event: dropping it would lose part of the
     *         answer without a word
     */
    StreamEvent decode(SseEvent<?> sse) {
        events++;
        String name = sse.name();
        String data = (String) sse.data();
        if ("error".equals(name)) {
            throw streamError(data);
        }
        if (data == null || data.isBlank()) {
            return null;
        }
        StreamEvent event;
        try {
            event = read(data, name);
        } catch (JsonProcessingException corrupt) {
            throw new UnexpectedResponseException(UnexpectedResponseException.Reason.CORRUPT_EVENT, 200,
                    answer.contentType(), answer.requestId(), ApiErrors.excerpt(data), contentDelivered,
                    "event " + events + (name == null ? "" : " (" + name + ")") + " of the streamed answer is not "
                            + "the JSON of an event (" + corrupt.getOriginalMessage() + "); the stream was stopped "
                            + "rather than go on without it" + (contentDelivered
                                    ? ", so the text that reached the caller is incomplete." : "."));
        }
        if (event instanceof UnknownEvent unknown && "error".equals(unknown.type())) {
            throw streamError(data); // an error that says so only in its data
        }
        contentDelivered |= event instanceof ContentBlockDeltaEvent;
        if (event instanceof MessageStartEvent start) {
            info.answer(start.message());
            info.answeredWith(answer.requestId());
        } else if (event instanceof MessageDeltaEvent delta && delta.usage() != null) {
            info.usageDelta(delta.usage());
        }
        stopped |= event instanceof MessageStopEvent;
        return event;
    }

    private RuntimeException streamError(String data) {
        return ApiErrors.toException(ApiErrors.parseStreamError(data, answer.requestId(), contentDelivered), clientName);
    }

    /**
     * Parses the data once, straight into its event type (the hot path of a stream): by the {@code event:} name when
     * it is a known one, else by the data's {@code type}; only an event that names its type in its {@code event:} line
     * alone is read a second time, to keep that name.
     */
    private static StreamEvent read(String data, String name) throws JsonProcessingException {
        ObjectReader known = name == null ? null : BY_NAME.get(name);
        if (known != null) {
            return known.readValue(data);
        }
        StreamEvent event = EVENTS.readValue(data);
        if (event instanceof UnknownEvent unknown && unknown.type() == null && name != null) {
            JsonNode tree = JSON.readTree(data);
            if (tree instanceof ObjectNode object) {
                object.put("type", name);
                return JSON.treeToValue(object, StreamEvent.class);
            }
        }
        return event;
    }

    /** @throws IncompleteStreamException when the stream ended without {@code message_stop} */
    void checkComplete() {
        if (!stopped) {
            throw new IncompleteStreamException(events, contentDelivered);
        }
    }

}
