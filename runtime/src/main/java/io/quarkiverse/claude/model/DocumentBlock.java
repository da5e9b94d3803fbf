package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A document (PDF or text) in a prompt. */
public final class DocumentBlock extends ContentBlock {

    @JsonProperty("source")
    private ContentSource source;
    @JsonProperty("title")
    private String title;
    @JsonProperty("context")
    private String context;

    DocumentBlock() {
    }

    public DocumentBlock(ContentSource source, String title, String context) {
        this.source = source;
        this.title = title;
        this.context = context;
    }

    public DocumentBlock(ContentSource source) {
        this(source, null, null);
    }

    /** A document uploaded with the Files API ({@code {"type":"file","file_id":…}}); the call sends its beta header. */
    public static DocumentBlock file(String fileId) {
        return new DocumentBlock(ContentSource.file(fileId));
    }

    @Override
    public String type() {
        return "document";
    }

    public ContentSource source() {
        return source;
    }

    public String title() {
        return title;
    }

    public String context() {
        return context;
    }
}
