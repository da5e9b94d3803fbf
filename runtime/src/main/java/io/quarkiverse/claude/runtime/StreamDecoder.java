package io.quarkiverse.claude.runtime;

import java.util.List;

import org.jboss.resteasy.reactive.client.SseEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageStartEvent;
import io.quarkiverse.claude.model.stream.MessageStopEvent;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.model.stream.UnknownEvent;
import io.quarkiverse.claude.runtime.errors.ApiErrors;

/**
 * Turns the server-sent events of one streamed answer (parsed by the REST Client) into typed events: an
 * {@code error} event fails the stream with the typed exception of its {@code error.type}, and the end of the stream
 * without {@code message_stop} fails it with {@link IncompleteStreamException}. One per stream.
 */
final class StreamDecoder {

    // Reads our own annotated event types; independent of the application's ObjectMapper customisations.
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader EVENTS = JSON.readerFor(StreamEvent.class);

    private final CallInfo info;
    private int events;
    private boolean contentDelivered;
    private boolean stopped;

    StreamDecoder(CallInfo info) {
        this.info = info;
    }

    /** @return the typed event, or nothing for an event without JSON data */
    List<StreamEvent> decode(SseEvent<String> sse) {
        events++;
        String name = sse.name();
        if ("error".equals(name)) {
            throw streamError(sse.data());
        }
        StreamEvent event = read(sse.data(), name);
        if (event == null) {
            return List.of();
        }
        if (event instanceof UnknownEvent unknown && "error".equals(unknown.type())) {
            throw streamError(sse.data()); // an error that says so only in its data
        }
        contentDelivered |= event instanceof ContentBlockDeltaEvent;
        if (event instanceof MessageStartEvent start) {
            info.answer(start.message());
        } else if (event instanceof MessageDeltaEvent delta && delta.usage() != null) {
            info.usageDelta(delta.usage());
        }
        stopped |= event instanceof MessageStopEvent;
        return List.of(event);
    }

    private RuntimeException streamError(String data) {
        return ApiErrors.toException(ApiErrors.parseStreamError(data, contentDelivered));
    }

    /**
     * Parses the data once, straight into its event type (the hot path of a stream); only an event that names its type
     * in its {@code event:} line alone is read a second time, to keep that name.
     */
    private static StreamEvent read(String data, String name) {
        if (data == null || data.isBlank()) {
            return null;
        }
        try {
            StreamEvent event = EVENTS.readValue(data);
            if (event instanceof UnknownEvent unknown && unknown.type() == null && name != null) {
                JsonNode tree = JSON.readTree(data);
                if (tree instanceof ObjectNode object) {
                    object.put("type", name);
                    return JSON.treeToValue(object, StreamEvent.class);
                }
            }
            return event;
        } catch (JsonProcessingException notJson) {
            return null; // not JSON: nothing a caller could use
        }
    }

    /** @throws IncompleteStreamException when the stream ended without {@code message_stop} */
    void checkComplete() {
        if (!stopped) {
            throw new IncompleteStreamException(events, contentDelivered);
        }
    }

}
