package io.quarkiverse.claude.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** One turn of the conversation sent to the API: a role and its content (a string or blocks). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MessageParam extends JsonExtensible {

    @JsonProperty("role")
    private Role role;
    @JsonProperty("content")
    @JsonDeserialize(using = TextOrBlocksDeserializer.class)
    private Object content;

    MessageParam() {
    }

    private MessageParam(Role role, Object content) {
        this.role = role;
        this.content = content;
    }

    public static MessageParam user(String text) {
        return new MessageParam(Role.USER, text);
    }

    public static MessageParam user(List<? extends ContentBlock> blocks) {
        return new MessageParam(Role.USER, List.copyOf(blocks));
    }

    public static MessageParam assistant(String text) {
        return new MessageParam(Role.ASSISTANT, text);
    }

    public static MessageParam assistant(List<? extends ContentBlock> blocks) {
        return new MessageParam(Role.ASSISTANT, List.copyOf(blocks));
    }

    /** The assistant turn to send back after a response, e.g. before answering its tool calls. */
    public static MessageParam of(Message response) {
        return assistant(response.content());
    }

    public Role role() {
        return role;
    }

    /** @return the content as blocks; plain-text content is one {@link TextBlock} */
    public List<ContentBlock> content() {
        return TextOrBlocksDeserializer.asBlocks(content);
    }
}
