package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How the model may use the tools: {@code auto}, {@code any}, a named {@code tool}, or {@code none}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ToolChoice extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("name")
    private String name;
    @JsonProperty("disable_parallel_tool_use")
    private Boolean disableParallelToolUse;

    ToolChoice() {
    }

    private ToolChoice(String type, String name, Boolean disableParallelToolUse) {
        this.type = type;
        this.name = name;
        this.disableParallelToolUse = disableParallelToolUse;
    }

    public static ToolChoice auto() {
        return new ToolChoice("auto", null, null);
    }

    public static ToolChoice any() {
        return new ToolChoice("any", null, null);
    }

    public static ToolChoice none() {
        return new ToolChoice("none", null, null);
    }

    public static ToolChoice tool(String name) {
        return new ToolChoice("tool", name, null);
    }

    /** @return a copy that allows at most one tool call per answer */
    public ToolChoice withoutParallelToolUse() {
        return new ToolChoice(type, name, Boolean.TRUE);
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public Boolean disableParallelToolUse() {
        return disableParallelToolUse;
    }
}
