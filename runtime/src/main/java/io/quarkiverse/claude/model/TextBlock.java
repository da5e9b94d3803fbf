package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Plain text, in a prompt or an answer. Citations and other fields the API adds are kept in {@link #extraFields()}. */
public final class TextBlock extends ContentBlock {

    @JsonProperty("text")
    private String text;

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

    /** For {@link MessageAccumulator}. */
    void appendText(String more) {
        text = text == null ? more : text + more;
    }
}
