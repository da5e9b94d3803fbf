package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.model.ContentBlock;

/** A content block begins at {@code index}, in its initial (empty) form. */
public final class ContentBlockStartEvent extends StreamEvent {

    @JsonProperty("index")
    private int index;
    @JsonProperty("content_block")
    private ContentBlock contentBlock;

    ContentBlockStartEvent() {
    }

    @Override
    public String type() {
        return "content_block_start";
    }

    public int index() {
        return index;
    }

    public ContentBlock contentBlock() {
        return contentBlock;
    }
}
