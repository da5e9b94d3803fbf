package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Thinking the API encrypted; opaque, but must be sent back unchanged. */
public final class RedactedThinkingBlock extends ContentBlock {

    @JsonProperty("data")
    private String data;

    RedactedThinkingBlock() {
    }

    public RedactedThinkingBlock(String data) {
        this.data = data;
    }

    @Override
    public String type() {
        return "redacted_thinking";
    }

    public String data() {
        return data;
    }
}
