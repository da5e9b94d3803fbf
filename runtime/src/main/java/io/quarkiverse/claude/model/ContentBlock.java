package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One block of a message's content. The {@code type} field selects the subclass; a type this version does not know
 * becomes an {@link UnknownBlock} that keeps every field, so nothing the API sends is dropped or fails.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true, defaultImpl = UnknownBlock.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = TextBlock.class, name = "text"),
        @JsonSubTypes.Type(value = ImageBlock.class, name = "image"),
        @JsonSubTypes.Type(value = DocumentBlock.class, name = "document"),
        @JsonSubTypes.Type(value = ToolUseBlock.class, name = "tool_use"),
        @JsonSubTypes.Type(value = ToolResultBlock.class, name = "tool_result"),
        @JsonSubTypes.Type(value = ThinkingBlock.class, name = "thinking"),
        @JsonSubTypes.Type(value = RedactedThinkingBlock.class, name = "redacted_thinking"),
        // the API's own tools (server tools) and their results
        @JsonSubTypes.Type(value = ServerToolUseBlock.class, name = "server_tool_use"),
        @JsonSubTypes.Type(value = WebSearchToolResultBlock.class, name = "web_search_tool_result"),
        @JsonSubTypes.Type(value = WebFetchToolResultBlock.class, name = "web_fetch_tool_result"),
        @JsonSubTypes.Type(value = CodeExecutionToolResultBlock.class, name = "code_execution_tool_result"),
        @JsonSubTypes.Type(value = BashCodeExecutionToolResultBlock.class, name = "bash_code_execution_tool_result"),
        @JsonSubTypes.Type(value = TextEditorCodeExecutionToolResultBlock.class, name = "text_editor_code_execution_tool_result")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder("type")
public abstract sealed class ContentBlock extends JsonExtensible
        permits TextBlock, ImageBlock, DocumentBlock, ToolUseBlock, ToolResultBlock, ThinkingBlock, RedactedThinkingBlock,
        ServerToolUseBlock, ServerToolResultBlock, UnknownBlock {

    @JsonProperty("cache_control")
    private CacheControl cacheControl;

    /** @return the block's {@code type} as it goes on the wire */
    @JsonProperty("type")
    public abstract String type();

    /** The type of a known block is implied by its class; only {@link UnknownBlock} keeps what was sent. */
    @JsonProperty("type")
    void acceptType(String type) {
    }

    /** @return the prompt-caching breakpoint on this block, or {@code null} */
    public CacheControl cacheControl() {
        return cacheControl;
    }

    /** Sets a prompt-caching breakpoint on this block; returns it for chaining. */
    @JsonIgnore
    public ContentBlock withCacheControl(CacheControl cacheControl) {
        this.cacheControl = cacheControl;
        return this;
    }

    /** A text block. */
    public static TextBlock text(String text) {
        return new TextBlock(text);
    }

    /** @return the text of a text block, else {@code null} */
    @JsonIgnore
    public String textOrNull() {
        return this instanceof TextBlock t ? t.text() : null;
    }
}
