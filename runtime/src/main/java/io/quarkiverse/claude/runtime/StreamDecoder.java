package io.quarkiverse.claude.runtime;

import java.util.List;

import org.jboss.resteasy.reactive.client.SseEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageStartEvent;
import io.quarkiverse.claude.model.stream.MessageStopEvent;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.runtime.errors.ApiErrors;

/**
 * Turns the server-sent events of one streamed answer (parsed by the REST Client) into typed events: an
 * {@code error} event fails the stream with the typed exception of its {@code error.type}, and the end of the stream
 * without {@code message_stop} fails it with {@link IncompleteStreamException}. One per stream.
 */
final class StreamDecoder {

    // Reads our own annotated event types; independent of the application's ObjectMapper customisations.
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode data = readJson(sse.data());
        String name = sse.name();
        if ("error".equals(name) || (data != null && "error".equals(data.path("type").asText()))) {
            throw ApiErrors.toException(ApiErrors.parseStreamError(sse.data(), contentDelivered));
        }
        if (!(data instanceof ObjectNode object)) {
            return List.of();
        }
        if (!object.hasNonNull("type") && name != null) {
            object.put("type", name); // an unknown event that names itself only in its event: line
        }
        StreamEvent event = JSON.convertValue(object, StreamEvent.class);
        contentDelivered |= event instanceof ContentBlockDeltaEvent;
        if (event instanceof MessageStartEvent start) {
            info.answer(start.message());
        } else if (event instanceof MessageDeltaEvent delta && delta.usage() != null) {
            info.usageDelta(delta.usage());
        }
        stopped |= event instanceof MessageStopEvent;
        return List.of(event);
    }

    /** @throws IncompleteStreamException when the stream ended without {@code message_stop} */
    void checkComplete() {
        if (!stopped) {
            throw new IncompleteStreamException(events, contentDelivered);
        }
    }

    private static JsonNode readJson(String data) {
        if (data == null || data.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
