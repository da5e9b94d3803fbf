package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Extended thinking: {@code {"type":"enabled","budget_tokens":N}} or {@code {"type":"disabled"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ThinkingConfig extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("budget_tokens")
    private Integer budgetTokens;

    ThinkingConfig() {
    }

    private ThinkingConfig(String type, Integer budgetTokens) {
        this.type = type;
        this.budgetTokens = budgetTokens;
    }

    /** @param budgetTokens at least 1024, and less than {@code max_tokens} */
    public static ThinkingConfig enabled(int budgetTokens) {
        return new ThinkingConfig("enabled", budgetTokens);
    }

    public static ThinkingConfig disabled() {
        return new ThinkingConfig("disabled", null);
    }

    public String type() {
        return type;
    }

    public Integer budgetTokens() {
        return budgetTokens;
    }
}
