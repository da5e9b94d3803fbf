package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A document (PDF or text) in a prompt. */
public final class DocumentBlock extends ContentBlock {

    @JsonProperty("source")
    private ContentSource source;
    @JsonProperty("title")
    private String title;
    @JsonProperty("context")
    private String context;
    @JsonProperty("citations")
    private CitationsConfig citations;

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

    /** Turns citations on: the answer's text blocks then cite this document ({@link TextBlock#citations()}). */
    @JsonIgnore
    public DocumentBlock withCitations() {
        this.citations = CitationsConfig.enabled();
        return this;
    }

    /** @return whether the answer cites this document */
    public boolean citations() {
        return citations != null && citations.isEnabled();
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
