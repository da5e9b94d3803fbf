package io.quarkiverse.claude.model;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.model.stream.ContentBlockStartEvent;
import io.quarkiverse.claude.model.stream.ContentBlockStopEvent;
import io.quarkiverse.claude.model.stream.MessageDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageStartEvent;
import io.quarkiverse.claude.model.stream.MessageStopEvent;
import io.quarkiverse.claude.model.stream.StreamDelta;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.runtime.json.WireJson;

/**
 * Builds the final {@link Message} from the events of a stream: text joined with its citations, tool input JSON (of
 * client and server tools) assembled from its fragments, thinking and signatures kept, server tool results taken whole
 * from their {@code content_block_start}, stop reason and usage taken from {@code message_delta}. Not thread-safe;
 * one per stream.
 */
public final class MessageAccumulator {

    // Parses the tool input fragments of the wire into trees.
    private static final ObjectMapper JSON = WireJson.MAPPER;

    private Message message;
    private final Map<Integer, StringBuilder> toolInputs = new HashMap<>();
    private boolean complete;

    /** Adds one event; unknown events and pings change nothing. Returns this accumulator. */
    public MessageAccumulator accept(StreamEvent event) {
        if (event instanceof MessageStartEvent start) {
            message = start.message().startAccumulating();
        } else if (event instanceof ContentBlockStartEvent start) {
            started().putBlock(start.index(), start.contentBlock());
        } else if (event instanceof ContentBlockDeltaEvent delta) {
            applyDelta(started().block(delta.index()), delta);
        } else if (event instanceof ContentBlockStopEvent stop) {
            completeToolInput(stop.index());
        } else if (event instanceof MessageDeltaEvent delta) {
            MessageDeltaEvent.Delta changes = delta.delta();
            started().applyDelta(changes == null ? null : changes.stopReason(),
                    changes == null ? null : changes.stopSequence(), delta.usage());
        } else if (event instanceof MessageStopEvent) {
            complete = true;
        }
        return this;
    }

    /** @return whether {@code message_stop} arrived */
    public boolean isComplete() {
        return complete;
    }

    /**
     * @return the message so far (complete once {@link #isComplete()})
     * @throws IllegalStateException before {@code message_start}
     */
    public Message message() {
        return started();
    }

    private Message started() {
        if (message == null) {
            throw new IllegalStateException("No message_start event yet");
        }
        return message;
    }

    private void applyDelta(ContentBlock block, ContentBlockDeltaEvent event) {
        StreamDelta delta = event.delta();
        if (delta instanceof StreamDelta.TextDelta text && block instanceof TextBlock textBlock) {
            textBlock.appendText(text.text());
        } else if (delta instanceof StreamDelta.CitationsDelta citation && block instanceof TextBlock textBlock) {
            textBlock.addCitation(citation.citation());
        } else if (delta instanceof StreamDelta.InputJsonDelta json) {
            toolInputs.computeIfAbsent(event.index(), i -> new StringBuilder()).append(json.partialJson());
        } else if (delta instanceof StreamDelta.ThinkingDelta thinking && block instanceof ThinkingBlock thinkingBlock) {
            thinkingBlock.appendThinking(thinking.thinking());
        } else if (delta instanceof StreamDelta.SignatureDelta signature
                && block instanceof ThinkingBlock thinkingBlock) {
            thinkingBlock.sign(signature.signature());
        }
    }

    private void completeToolInput(int index) {
        StringBuilder fragments = toolInputs.remove(index);
        if (fragments == null) {
            return;
        }
        ContentBlock block = started().block(index);
        if (block instanceof ToolUseBlock toolUse) {
            toolUse.completeInput(input(fragments, block, index));
        } else if (block instanceof ServerToolUseBlock serverToolUse) {
            serverToolUse.completeInput(input(fragments, block, index));
        }
    }

    private static JsonNode input(StringBuilder fragments, ContentBlock block, int index) {
        String json = fragments.toString().isBlank() ? "{}" : fragments.toString();
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The input of " + block.type() + " block " + index + " is not valid JSON", e);
        }
    }
}
