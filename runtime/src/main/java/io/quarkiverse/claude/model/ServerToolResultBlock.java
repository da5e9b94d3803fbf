package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The result of a {@link ServerToolUseBlock}: what the API's own tool found or did, or an {@linkplain #error() error}
 * with its {@code error_code}. An error result is part of a successful answer, not an exception: the model reads it and
 * carries on (often with a text block that says the tool failed).
 */
public abstract sealed class ServerToolResultBlock extends ContentBlock
        permits WebSearchToolResultBlock, WebFetchToolResultBlock, CodeExecutionToolResultBlock,
        BashCodeExecutionToolResultBlock, TextEditorCodeExecutionToolResultBlock {

    @JsonProperty("tool_use_id")
    private String toolUseId;
    // a result type, a list of them, a ServerToolError, or (a form this version does not know) maps and lists
    @JsonProperty("content")
    @JsonDeserialize(using = ServerToolContentDeserializer.class)
    private Object content;

    ServerToolResultBlock() {
    }

    /** @return the {@link ServerToolUseBlock#id()} this block answers */
    public String toolUseId() {
        return toolUseId;
    }

    /** @return whether the tool failed; then {@link #error()} says why */
    public boolean isError() {
        return content instanceof ServerToolError;
    }

    /** @return the tool's error, or {@code null} when it succeeded */
    public ServerToolError error() {
        return content instanceof ServerToolError error ? error : null;
    }

    /** @return the content as read: a result object, a list of results or a {@link ServerToolError} */
    Object rawContent() {
        return content;
    }
}
