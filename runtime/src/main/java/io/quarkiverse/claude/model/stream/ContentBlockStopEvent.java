package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The content block at {@code index} is complete. */
public final class ContentBlockStopEvent extends StreamEvent {

    @JsonProperty("index")
    private int index;

    ContentBlockStopEvent() {
    }

    @Override
    public String type() {
        return "content_block_stop";
    }

    public int index() {
        return index;
    }
}
