package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The model's extended thinking. Send it back unchanged (with its signature) in multi-turn tool use. */
public final class ThinkingBlock extends ContentBlock {

    @JsonProperty("thinking")
    private String thinking;
    @JsonProperty("signature")
    private String signature;

    ThinkingBlock() {
    }

    public ThinkingBlock(String thinking, String signature) {
        this.thinking = thinking;
        this.signature = signature;
    }

    @Override
    public String type() {
        return "thinking";
    }

    public String thinking() {
        return thinking;
    }

    public String signature() {
        return signature;
    }

    /** For {@link MessageAccumulator}. */
    void appendThinking(String more) {
        thinking = thinking == null ? more : thinking + more;
    }

    /** For {@link MessageAccumulator}. */
    void sign(String signature) {
        this.signature = signature;
    }
}
