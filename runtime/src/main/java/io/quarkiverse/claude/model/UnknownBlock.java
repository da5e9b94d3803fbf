package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A block of a type this version does not know. Its type is kept, and every other field is in
 * {@link #extraFields()}, so it is written back exactly as it came.
 */
public final class UnknownBlock extends ContentBlock {

    private String type;

    UnknownBlock() {
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
