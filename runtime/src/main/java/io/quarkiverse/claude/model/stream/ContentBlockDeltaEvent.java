package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A piece of the content block at {@code index}: text, tool input JSON, thinking or a signature. */
public final class ContentBlockDeltaEvent extends StreamEvent {

    @JsonProperty("index")
    private int index;
    @JsonProperty("delta")
    private StreamDelta delta;

    ContentBlockDeltaEvent() {
    }

    @Override
    public String type() {
        return "content_block_delta";
    }

    public int index() {
        return index;
    }

    public StreamDelta delta() {
        return delta;
    }
}
