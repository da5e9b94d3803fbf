package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.model.Message;

/** The stream's first event: the message with empty content and the input usage. */
public final class MessageStartEvent extends StreamEvent {

    @JsonProperty("message")
    private Message message;

    MessageStartEvent() {
    }

    @Override
    public String type() {
        return "message_start";
    }

    public Message message() {
        return message;
    }
}
