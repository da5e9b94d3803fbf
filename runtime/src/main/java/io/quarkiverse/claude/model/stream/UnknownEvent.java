package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An event of a type this version does not know; its fields are in {@link #extraFields()}. */
public final class UnknownEvent extends StreamEvent {

    private String type;

    UnknownEvent() {
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    @JsonProperty("type")
    void acceptType(String type) {
        this.type = type;
    }
}
