package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The model ran one of the API's own tools ({@link ServerTool}): web search, web fetch or code execution. The API has
 * already run it; its result is the {@link ServerToolResultBlock} with the same id that follows. Nothing for the
 * application to do, unlike a {@link ToolUseBlock}.
 */
public final class ServerToolUseBlock extends ContentBlock {

    /** {@link #name()} of a web search. */
    public static final String WEB_SEARCH = "web_search";
    /** {@link #name()} of a web fetch. */
    public static final String WEB_FETCH = "web_fetch";
    /** {@link #name()} of code run by {@code code_execution_20250522}. */
    public static final String CODE_EXECUTION = "code_execution";
    /** {@link #name()} of a shell command run by the later code execution tools. */
    public static final String BASH_CODE_EXECUTION = "bash_code_execution";
    /** {@link #name()} of a file viewed or edited by the later code execution tools. */
    public static final String TEXT_EDITOR_CODE_EXECUTION = "text_editor_code_execution";

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("input")
    private JsonNode input;

    ServerToolUseBlock() {
    }

    @Override
    public String type() {
        return "server_tool_use";
    }

    /** @return the id, {@code srvtoolu_…}, that the result block names in its {@code tool_use_id} */
    public String id() {
        return id;
    }

    /** @return what ran, e.g. {@link #WEB_SEARCH} */
    public String name() {
        return name;
    }

    /** @return the tool's input, e.g. {@code {"query": "…"}} for a web search */
    public JsonNode input() {
        return input;
    }

    /** For {@link MessageAccumulator}: the input assembled from its JSON fragments. */
    void completeInput(JsonNode input) {
        this.input = input;
    }
}
