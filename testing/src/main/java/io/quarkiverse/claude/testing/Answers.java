package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the simulator's deterministic answers from a messages request body: the echo of the last user message, or a
 * scripted tool call.
 */
final class Answers {

    /** The model named in answers to requests that name none (only scripted faults answer those). */
    static final String FALLBACK_MODEL = "claude-sonnet-4-6";

    private final Ids ids;

    Answers(Ids ids) {
        this.ids = ids;
    }

    /**
     * {@code "Echo: " + <last user text>}, cut to {@code max_tokens} words (then {@code stop_reason: "max_tokens"}).
     * Lenient: a body that is not a valid request still gets an answer, for the scripted stream faults.
     */
    Answer echo(JsonNode body, boolean extraFields) {
        String text = "Echo: " + Conversation.lastUserText(body);
        int words = Words.count(text);
        String stopReason = "end_turn";
        JsonNode maxTokens = body.path("max_tokens");
        if (maxTokens.canConvertToInt() && maxTokens.asInt() >= 1 && maxTokens.asInt() < words) {
            text = Words.firstWords(text, maxTokens.asInt());
            words = maxTokens.asInt();
            stopReason = "max_tokens";
        }
        List<Answer.Block> content = new ArrayList<>();
        content.add(new Answer.Text(text));
        if (extraFields) {
            ObjectNode unknown = Json.object().put("type", "sim_future_block");
            unknown.putObject("payload").put("a", 1);
            content.add(new Answer.Opaque(unknown));
        }
        return new Answer(ids.messageId(), model(body), content, stopReason, Conversation.inputTokens(body), words,
                extraFields);
    }

    /** One {@code tool_use} block with {@code stop_reason: "tool_use"}. */
    Answer toolUse(JsonNode body, String toolName, JsonNode input) {
        String json = input.toString();
        long outputTokens = Math.max(1, (toolName.length() + json.length() + 3) / 4);
        return new Answer(ids.messageId(), model(body),
                List.of(new Answer.ToolUse(ids.toolUseId(), toolName, input)),
                "tool_use", Conversation.inputTokens(body), outputTokens, false);
    }

    private static String model(JsonNode body) {
        JsonNode model = body.path("model");
        return model.isTextual() ? model.asText() : FALLBACK_MODEL;
    }
}
