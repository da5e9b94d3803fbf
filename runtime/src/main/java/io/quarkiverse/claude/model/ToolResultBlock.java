package io.quarkiverse.claude.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The application's answer to a {@link ToolUseBlock}, sent back in a user message.
 * <p>
 * Is-getters are not auto-detected: {@link #isError()} would otherwise go on the wire as a second field,
 * {@code "error"}, which the API does not define (its field is {@code is_error}).
 */
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ToolResultBlock extends ContentBlock {

    @JsonProperty("tool_use_id")
    private String toolUseId;
    @JsonProperty("content")
    @JsonDeserialize(using = TextOrBlocksDeserializer.class)
    private Object content;
    @JsonProperty("is_error")
    private Boolean isError;

    ToolResultBlock() {
    }

    private ToolResultBlock(String toolUseId, Object content, Boolean isError) {
        this.toolUseId = toolUseId;
        this.content = content;
        this.isError = isError;
    }

    /** A successful result given as text. */
    public static ToolResultBlock of(String toolUseId, String content) {
        return new ToolResultBlock(toolUseId, content, null);
    }

    /** A successful result given as blocks (text, images, documents). */
    public static ToolResultBlock of(String toolUseId, List<ContentBlock> content) {
        return new ToolResultBlock(toolUseId, List.copyOf(content), null);
    }

    /** A failed tool run; the model sees the message and may try again. */
    public static ToolResultBlock error(String toolUseId, String message) {
        return new ToolResultBlock(toolUseId, message, Boolean.TRUE);
    }

    @Override
    public String type() {
        return "tool_result";
    }

    public String toolUseId() {
        return toolUseId;
    }

    /** @return the result as blocks; a plain-text result is one {@link TextBlock} */
    public List<ContentBlock> content() {
        return TextOrBlocksDeserializer.asBlocks(content);
    }

    public boolean isError() {
        return Boolean.TRUE.equals(isError);
    }
}
