package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The model asks the application to run a tool with the given JSON input. */
public final class ToolUseBlock extends ContentBlock {

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("input")
    private JsonNode input;

    ToolUseBlock() {
    }

    public ToolUseBlock(String id, String name, JsonNode input) {
        this.id = id;
        this.name = name;
        this.input = input;
    }

    @Override
    public String type() {
        return "tool_use";
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** @return the tool's input, a JSON object */
    public JsonNode input() {
        return input;
    }

    /** For {@link MessageAccumulator}: the input assembled from its JSON fragments. */
    void completeInput(JsonNode input) {
        this.input = input;
    }
}
