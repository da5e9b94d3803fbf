package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders an {@link Answer} as the Messages API's SSE sequence: {@code message_start}, then per block
 * {@code content_block_start}, {@code content_block_delta}s ({@code citations_delta}s before a text's
 * {@code text_delta}s; server tool results whole in their start) and {@code content_block_stop} (with one {@code ping} after
 * the first start), then {@code message_delta} and {@code message_stop}.
 */
final class AnswerStream {

    /** Characters per {@code input_json_delta} chunk of a streamed tool input. */
    private static final int JSON_CHUNK = 12;

    private AnswerStream() {
    }

    static List<SseEvent> events(Answer a) {
        List<SseEvent> events = new ArrayList<>();
        ObjectNode start = Json.object();
        start.set("message", AnswerJson.startedMessage(a));
        events.add(SseEvent.of("message_start", start));
        if (a.extraFields()) {
            ObjectNode unknown = Json.object();
            unknown.putObject("payload").put("a", 1);
            events.add(SseEvent.of("sim_future_event", unknown));
        }
        for (int i = 0; i < a.content().size(); i++) {
            addBlock(events, i, a.content().get(i), a.extraFields());
        }
        ObjectNode delta = Json.object();
        delta.putObject("delta").put("stop_reason", a.stopReason()).putNull("stop_sequence");
        ObjectNode usage = delta.putObject("usage").put("output_tokens", a.outputTokens());
        if (a.extraFields()) {
            usage.put("sim_future_usage_tokens", 7);
        }
        if (a.serverTools() != null) {
            usage.set("server_tool_use", AnswerJson.serverToolUse(a.serverTools()));
        }
        events.add(SseEvent.of("message_delta", delta));
        events.add(SseEvent.of("message_stop", Json.object()));
        return events;
    }

    private static void addBlock(List<SseEvent> events, int index, Answer.Block block, boolean extraFields) {
        ObjectNode start = Json.object().put("index", index);
        if (block instanceof Answer.Text t) {
            ObjectNode empty = Json.object().put("type", "text").put("text", "");
            if (extraFields) {
                empty.put(AnswerJson.EXTRA_FIELD, "text-level");
            }
            if (!t.citations().isEmpty()) {
                empty.putArray("citations"); // then one citations_delta each, before the text they back
            }
            start.set("content_block", empty);
            addStart(events, start);
            for (ObjectNode citation : t.citations()) {
                ObjectNode delta = Json.object().put("type", "citations_delta");
                delta.set("citation", citation.deepCopy());
                events.add(delta(index, delta));
            }
            for (String chunk : Words.chunks(t.text())) {
                events.add(delta(index, Json.object().put("type", "text_delta").put("text", chunk)));
            }
        } else if (block instanceof Answer.Thinking t) {
            // Starts empty, then the thinking in deltas, then the whole signature in one signature_delta.
            start.set("content_block", Json.object().put("type", "thinking").put("thinking", "").put("signature", ""));
            addStart(events, start);
            for (String chunk : Words.chunks(t.thinking())) {
                events.add(delta(index, Json.object().put("type", "thinking_delta").put("thinking", chunk)));
            }
            events.add(delta(index, Json.object().put("type", "signature_delta").put("signature", t.signature())));
        } else if (block instanceof Answer.ToolUse || block instanceof Answer.ServerToolUse) {
            ObjectNode head = AnswerJson.block(block, extraFields);
            JsonNode input = head.remove("input");
            head.putObject("input");
            start.set("content_block", head);
            addStart(events, start);
            String json = input.toString();
            events.add(delta(index, Json.object().put("type", "input_json_delta").put("partial_json", "")));
            for (int from = 0; from < json.length(); from += JSON_CHUNK) {
                String chunk = json.substring(from, Math.min(json.length(), from + JSON_CHUNK));
                events.add(delta(index, Json.object().put("type", "input_json_delta").put("partial_json", chunk)));
            }
        } else {
            start.set("content_block", AnswerJson.block(block, extraFields));
            addStart(events, start);
        }
        events.add(SseEvent.of("content_block_stop", Json.object().put("index", index)));
    }

    /** Adds a {@code content_block_start}; the first one is followed by a {@code ping}, as the API does. */
    private static void addStart(List<SseEvent> events, ObjectNode start) {
        events.add(SseEvent.of("content_block_start", start));
        if (start.path("index").asInt() == 0) {
            events.add(SseEvent.of("ping", Json.object()));
        }
    }

    private static SseEvent delta(int index, ObjectNode delta) {
        ObjectNode data = Json.object().put("index", index);
        data.set("delta", delta);
        return SseEvent.of("content_block_delta", data);
    }
}
