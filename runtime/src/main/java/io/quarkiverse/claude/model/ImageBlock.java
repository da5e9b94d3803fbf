package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An image in a prompt. */
public final class ImageBlock extends ContentBlock {

    @JsonProperty("source")
    private ContentSource source;

    ImageBlock() {
    }

    public ImageBlock(ContentSource source) {
        this.source = source;
    }

    @Override
    public String type() {
        return "image";
    }

    public ContentSource source() {
        return source;
    }
}
