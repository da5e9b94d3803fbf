package io.quarkiverse.claude.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders an {@link Answer} as the JSON of the Messages API: the whole message, its blocks and its usage. */
final class AnswerJson {

    static final String EXTRA_FIELD = "sim_future_field";

    private AnswerJson() {
    }

    /** The non-streaming response body. */
    static ObjectNode message(Answer a) {
        ObjectNode m = envelope(a);
        ArrayNode content = m.putArray("content");
        for (Answer.Block block : a.content()) {
            content.add(block(block, a.extraFields()));
        }
        m.put("stop_reason", a.stopReason());
        m.putNull("stop_sequence");
        m.set("usage", usage(a, a.inputTokens(), a.outputTokens()));
        return m;
    }

    /** The message of {@code message_start}: no content, no stop reason yet, output tokens 1. */
    static ObjectNode startedMessage(Answer a) {
        ObjectNode m = envelope(a);
        m.putArray("content");
        m.putNull("stop_reason");
        m.putNull("stop_sequence");
        m.set("usage", usage(a, a.inputTokens(), 1));
        return m;
    }

    /** A block as it appears in a full message. */
    static ObjectNode block(Answer.Block block, boolean extraFields) {
        if (block instanceof Answer.Text t) {
            ObjectNode json = Json.object().put("type", "text").put("text", t.text());
            if (extraFields) {
                json.put(EXTRA_FIELD, "text-level");
            }
            if (!t.citations().isEmpty()) {
                t.citations().forEach(json.putArray("citations")::add);
            }
            return json;
        }
        if (block instanceof Answer.Thinking t) {
            return Json.object().put("type", "thinking").put("thinking", t.thinking()).put("signature", t.signature());
        }
        if (block instanceof Answer.ToolUse t) {
            ObjectNode json = Json.object().put("type", "tool_use").put("id", t.id()).put("name", t.name());
            json.set("input", t.input().deepCopy());
            return json;
        }
        if (block instanceof Answer.ServerToolUse t) {
            ObjectNode json = Json.object().put("type", "server_tool_use").put("id", t.id()).put("name", t.name());
            json.set("caller", ServerToolAnswers.direct());
            json.set("input", t.input().deepCopy());
            return json;
        }
        return ((Answer.Opaque) block).json().deepCopy();
    }

    static ObjectNode usage(Answer a, long inputTokens, long outputTokens) {
        ObjectNode usage = Json.object();
        usage.put("input_tokens", inputTokens);
        usage.put("output_tokens", outputTokens);
        Answer.CacheUsage cache = a.cache();
        usage.put("cache_creation_input_tokens", cache.creation());
        usage.put("cache_read_input_tokens", cache.read());
        usage.putObject("cache_creation")
                .put("ephemeral_5m_input_tokens", cache.creation5m())
                .put("ephemeral_1h_input_tokens", cache.creation1h());
        usage.put("service_tier", "standard");
        if (a.serverTools() != null) {
            usage.set("server_tool_use", serverToolUse(a.serverTools()));
        }
        if (a.extraFields()) {
            usage.put("sim_future_usage_tokens", 7);
        }
        return usage;
    }

    static ObjectNode serverToolUse(Answer.ServerToolCounts counts) {
        return Json.object().put("web_search_requests", counts.webSearchRequests())
                .put("web_fetch_requests", counts.webFetchRequests());
    }

    private static ObjectNode envelope(Answer a) {
        ObjectNode m = Json.object();
        m.put("id", a.id());
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", a.model());
        if (a.extraFields()) {
            m.put(EXTRA_FIELD, "top-level");
        }
        return m;
    }
}
