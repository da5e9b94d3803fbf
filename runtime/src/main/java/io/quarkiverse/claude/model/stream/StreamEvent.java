package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.quarkiverse.claude.model.JsonExtensible;

/**
 * One server-sent event of a streamed answer. The API adds event types without notice: one this version does not know
 * arrives as an {@link UnknownEvent}, never as a failure. An {@code error} event is not an event: it fails the stream
 * with the typed exception of its {@code error.type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true, defaultImpl = UnknownEvent.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = MessageStartEvent.class, name = "message_start"),
        @JsonSubTypes.Type(value = ContentBlockStartEvent.class, name = "content_block_start"),
        @JsonSubTypes.Type(value = ContentBlockDeltaEvent.class, name = "content_block_delta"),
        @JsonSubTypes.Type(value = ContentBlockStopEvent.class, name = "content_block_stop"),
        @JsonSubTypes.Type(value = MessageDeltaEvent.class, name = "message_delta"),
        @JsonSubTypes.Type(value = MessageStopEvent.class, name = "message_stop"),
        @JsonSubTypes.Type(value = PingEvent.class, name = "ping")
})
public abstract sealed class StreamEvent extends JsonExtensible permits MessageStartEvent, ContentBlockStartEvent,
        ContentBlockDeltaEvent, ContentBlockStopEvent, MessageDeltaEvent, MessageStopEvent, PingEvent, UnknownEvent {

    /** @return the event's {@code type}, as in its {@code event:} line */
    @JsonProperty("type")
    public abstract String type();

    /** Implied by the class; only {@link UnknownEvent} keeps what was sent. */
    @JsonProperty("type")
    void acceptType(String type) {
    }

    /** @return the text this event adds to the answer, or {@code null} (only a {@code text_delta} has text) */
    @JsonIgnore
    public String textOrNull() {
        return this instanceof ContentBlockDeltaEvent delta && delta.delta() instanceof StreamDelta.TextDelta text
                ? text.text()
                : null;
    }
}
