package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code POST /v1/messages/count_tokens}. */
public final class TokenCount extends JsonExtensible {

    @JsonProperty("input_tokens")
    private long inputTokens;

    TokenCount() {
    }

    public long inputTokens() {
        return inputTokens;
    }

    @Override
    public String toString() {
        return "TokenCount[inputTokens=" + inputTokens + "]";
    }
}
