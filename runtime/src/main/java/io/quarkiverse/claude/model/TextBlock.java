package io.quarkiverse.claude.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Plain text, in a prompt or an answer, with the {@linkplain #citations() citations} that back it when the answer cites
 * a document or a search result. Other fields the API adds are kept in {@link #extraFields()}.
 */
public final class TextBlock extends ContentBlock {

    @JsonProperty("text")
    private String text;
    // null when the API sent none (or null); then none is written back
    @JsonProperty("citations")
    private List<Citation> citations;

    TextBlock() {
    }

    public TextBlock(String text) {
        this.text = text;
    }

    @Override
    @JsonIgnore
    public TextBlock withCacheControl(CacheControl cacheControl) {
        super.withCacheControl(cacheControl);
        return this;
    }

    @Override
    public String type() {
        return "text";
    }

    public String text() {
        return text;
    }

    /** @return the sources of this text, in order; empty when the text cites nothing */
    public List<Citation> citations() {
        return citations == null ? List.of() : citations;
    }

    /** For {@link MessageAccumulator}: a citation streamed in a {@code citations_delta}. */
    void addCitation(Citation citation) {
        if (citations == null) {
            citations = new ArrayList<>();
        } else if (!(citations instanceof ArrayList)) {
            citations = new ArrayList<>(citations);
        }
        citations.add(citation);
    }

    /** For {@link MessageAccumulator}. */
    void appendText(String more) {
        text = text == null ? more : text + more;
    }
}
