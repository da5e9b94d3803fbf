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

    /** An image uploaded with the Files API ({@code {"type":"file","file_id":…}}); the call sends its beta header. */
    public static ImageBlock file(String fileId) {
        return new ImageBlock(ContentSource.file(fileId));
    }

    @Override
    public String type() {
        return "image";
    }

    public ContentSource source() {
        return source;
    }
}
