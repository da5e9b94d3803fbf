package io.quarkiverse.claude.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code POST /v1/messages}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Message extends JsonExtensible {

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private String type;
    @JsonProperty("role")
    private Role role;
    @JsonProperty("model")
    private String model;
    @JsonProperty("content")
    private List<ContentBlock> content;
    @JsonProperty("stop_reason")
    private StopReason stopReason;
    @JsonProperty("stop_sequence")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private String stopSequence;
    @JsonProperty("usage")
    private Usage usage;

    Message() {
    }

    public String id() {
        return id;
    }

    /** @return always {@code "message"} for a message */
    public String type() {
        return type;
    }

    public Role role() {
        return role;
    }

    /** @return the model that answered, as the API names it */
    public String model() {
        return model;
    }

    public List<ContentBlock> content() {
        return content == null ? List.of() : content;
    }

    public StopReason stopReason() {
        return stopReason;
    }

    public String stopSequence() {
        return stopSequence;
    }

    public Usage usage() {
        return usage;
    }

    /** @return the text blocks of the answer, joined */
    public String text() {
        return content().stream().filter(TextBlock.class::isInstance).map(b -> ((TextBlock) b).text())
                .collect(Collectors.joining());
    }

    /** @return the tool calls the model asks for, in order */
    public List<ToolUseBlock> toolUses() {
        return content().stream().filter(ToolUseBlock.class::isInstance).map(ToolUseBlock.class::cast).toList();
    }

    /** For {@link MessageAccumulator}: a copy whose content can grow block by block. */
    Message startAccumulating() {
        Message copy = new Message();
        copy.id = id;
        copy.type = type;
        copy.role = role;
        copy.model = model;
        copy.content = new ArrayList<>(content());
        copy.stopReason = stopReason;
        copy.stopSequence = stopSequence;
        copy.usage = usage;
        extraFields().forEach(copy::putExtraField);
        return copy;
    }

    /** For {@link MessageAccumulator}. */
    void putBlock(int index, ContentBlock block) {
        while (content.size() <= index) {
            content.add(null);
        }
        content.set(index, block);
    }

    /** For {@link MessageAccumulator}. */
    ContentBlock block(int index) {
        return index < content.size() ? content.get(index) : null;
    }

    /** For {@link MessageAccumulator}. */
    void applyDelta(StopReason stopReason, String stopSequence, Usage usageDelta) {
        if (stopReason != null) {
            this.stopReason = stopReason;
        }
        if (stopSequence != null) {
            this.stopSequence = stopSequence;
        }
        if (usageDelta != null) {
            this.usage = usage == null ? usageDelta : usage.updatedBy(usageDelta);
        }
    }

    @Override
    public String toString() {
        return "Message[id=" + id + ", model=" + model + ", stopReason=" + stopReason + ", blocks=" + content().size()
                + ", usage=" + usage + "]";
    }
}
