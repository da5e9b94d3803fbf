package io.quarkiverse.claude.testing;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A messages answer before it is put on the wire, so that the JSON form ({@link AnswerJson}) and the SSE form
 * ({@link AnswerStream}) say the same thing.
 *
 * @param inputTokens the input tokens that were neither written to nor read from the prompt cache
 * @param cache what the prompt cache did for this request ({@link CacheUsage#NONE} when nothing)
 * @param extraFields whether to add unknown fields for forward-compatibility tests (see {@link Fault#withExtraFields()})
 * @param serverTools the server tools that ran, for {@code usage.server_tool_use}, or null when none did
 */
record Answer(String id, String model, List<Block> content, String stopReason, long inputTokens, long outputTokens,
        CacheUsage cache, boolean extraFields, ServerToolCounts serverTools) {

    Answer {
        content = List.copyOf(content);
    }

    /** An answer in which no server tool ran. */
    Answer(String id, String model, List<Block> content, String stopReason, long inputTokens, long outputTokens,
            CacheUsage cache, boolean extraFields) {
        this(id, model, content, stopReason, inputTokens, outputTokens, cache, extraFields, null);
    }

    /** One content block of an answer. */
    sealed interface Block permits Text, Thinking, ToolUse, ServerToolUse, Opaque {
    }

    /** A {@code text} block, with its {@code citations} (none: an empty list, and no field on the wire). */
    record Text(String text, List<ObjectNode> citations) implements Block {

        Text {
            citations = List.copyOf(citations);
        }

        Text(String text) {
            this(text, List.of());
        }
    }

    /** A {@code thinking} block (extended thinking), with its signature. */
    record Thinking(String thinking, String signature) implements Block {
    }

    /** A {@code tool_use} block. */
    record ToolUse(String id, String name, JsonNode input) implements Block {
    }

    /**
     * A {@code server_tool_use} block (with {@code caller: direct}): its input is streamed in {@code input_json_delta}s,
     * like a tool_use's.
     */
    record ServerToolUse(String id, String name, JsonNode input) implements Block {
    }

    /** {@code usage.server_tool_use}. */
    record ServerToolCounts(long webSearchRequests, long webFetchRequests) {
    }

    /** A block sent as it is, with no deltas (used for the unknown block type of forward-compatibility tests). */
    record Opaque(ObjectNode json) implements Block {
    }

    /**
     * The prompt-cache part of the usage: tokens written to the cache (by TTL) and tokens read from it.
     */
    record CacheUsage(long creation5m, long creation1h, long read) {

        static final CacheUsage NONE = new CacheUsage(0, 0, 0);

        long creation() {
            return creation5m + creation1h;
        }
    }
}
