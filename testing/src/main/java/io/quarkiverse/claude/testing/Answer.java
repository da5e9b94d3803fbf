package io.quarkiverse.claude.testing;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A messages answer before it is put on the wire, so that the JSON form ({@link AnswerJson}) and the SSE form
 * ({@link AnswerStream}) say the same thing.
 *
 * @param extraFields whether to add unknown fields for forward-compatibility tests (see {@link Fault#withExtraFields()})
 */
record Answer(String id, String model, List<Block> content, String stopReason, long inputTokens, long outputTokens,
        boolean extraFields) {

    Answer {
        content = List.copyOf(content);
    }

    /** One content block of an answer. */
    sealed interface Block permits Text, ToolUse, Opaque {
    }

    /** A {@code text} block. */
    record Text(String text) implements Block {
    }

    /** A {@code tool_use} block. */
    record ToolUse(String id, String name, JsonNode input) implements Block {
    }

    /** A block sent as it is, with no deltas (used for the unknown block type of forward-compatibility tests). */
    record Opaque(ObjectNode json) implements Block {
    }
}
