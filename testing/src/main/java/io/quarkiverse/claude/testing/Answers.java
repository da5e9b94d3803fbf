package io.quarkiverse.claude.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the simulator's deterministic answers from a messages request body: the echo of the last user message (after a
 * thinking block when extended thinking is on), or a scripted tool call.
 */
final class Answers {

    /** The model named in answers to requests that name none (only scripted faults answer those). */
    static final String FALLBACK_MODEL = "claude-sonnet-4-6";

    /** How the simulator's thinking signatures start; other signatures are taken as they are. */
    static final String SIGNATURE_PREFIX = "sig_sim_";

    /** Characters per token of a JSON answer, for its usage and its cut at max_tokens. */
    private static final int CHARS_PER_TOKEN = 4;

    private final Ids ids;

    Answers(Ids ids) {
        this.ids = ids;
    }

    /**
     * {@code "Echo: " + <last user text>}, cut to {@code max_tokens} words (then {@code stop_reason: "max_tokens"}).
     * Lenient: a body that is not a valid request still gets an answer, for the scripted stream faults.
     */
    Answer echo(JsonNode body, boolean extraFields) {
        return echo(body, extraFields, Answer.CacheUsage.NONE);
    }

    /**
     * The echo answer; with extended thinking on ({@code thinking.type} {@code enabled} or {@code adaptive}), a
     * {@code thinking} block {@code "Thinking about: " + <last user text>} comes first. The output tokens count the
     * words of both; the input tokens are those the prompt cache did not cover.
     */
    Answer echo(JsonNode body, boolean extraFields, Answer.CacheUsage cache) {
        String userText = Conversation.lastUserText(body);
        List<Answer.Block> content = new ArrayList<>();
        int thinkingWords = 0;
        if (thinks(body)) {
            String thinking = "omitted".equals(body.path("thinking").path("display").asText())
                    ? ""
                    : "Thinking about: " + userText;
            thinkingWords = Words.count(thinking);
            content.add(new Answer.Thinking(thinking, signature(thinking)));
        }
        JsonNode schema = SchemaSamples.schemaOf(body);
        String text;
        int words;
        String stopReason = "end_turn";
        JsonNode maxTokens = body.path("max_tokens");
        if (schema != null) {
            // a structured answer: JSON that follows the schema, cut mid-way when max_tokens is too small for it
            text = SchemaSamples.sample(schema).toString();
            words = jsonTokens(text);
            if (maxTokens.canConvertToInt() && maxTokens.asInt() >= 1 && maxTokens.asInt() < words) {
                text = text.substring(0, maxTokens.asInt() * CHARS_PER_TOKEN);
                words = maxTokens.asInt();
                stopReason = "max_tokens";
            }
        } else {
            text = "Echo: " + userText;
            words = Words.count(text);
            if (maxTokens.canConvertToInt() && maxTokens.asInt() >= 1 && maxTokens.asInt() < words) {
                text = Words.firstWords(text, maxTokens.asInt());
                words = maxTokens.asInt();
                stopReason = "max_tokens";
            }
        }
        content.add(new Answer.Text(text));
        if (extraFields) {
            ObjectNode unknown = Json.object().put("type", "sim_future_block");
            unknown.putObject("payload").put("a", 1);
            content.add(new Answer.Opaque(unknown));
        }
        long input = Math.max(0, Conversation.inputTokens(body) - cache.read() - cache.creation());
        return new Answer(ids.messageId(), model(body), content, stopReason, input, thinkingWords + words, cache,
                extraFields);
    }

    /** One text block with the given text and stop reason (a scripted answer). */
    Answer text(JsonNode body, String text, String stopReason) {
        return new Answer(ids.messageId(), model(body), List.of(new Answer.Text(text)), stopReason,
                Conversation.inputTokens(body), jsonTokens(text), Answer.CacheUsage.NONE, false);
    }

    /**
     * The structured answer without the first property of its top-level object; the regular answer when the request
     * asks for no schema.
     */
    Answer schemaViolation(JsonNode body) {
        JsonNode schema = SchemaSamples.schemaOf(body);
        if (schema == null) {
            return echo(body, false);
        }
        return text(body, SchemaSamples.withoutFirstProperty(SchemaSamples.sample(schema)).toString(), "end_turn");
    }

    /** The tokens of a JSON text, about four characters each, as for tool input. */
    private static int jsonTokens(String text) {
        return Math.max(1, (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /** One {@code tool_use} block with {@code stop_reason: "tool_use"}. */
    Answer toolUse(JsonNode body, String toolName, JsonNode input) {
        String json = input.toString();
        long outputTokens = Math.max(1, (toolName.length() + json.length() + 3) / 4);
        return new Answer(ids.messageId(), model(body), List.of(new Answer.ToolUse(ids.toolUseId(), toolName, input)),
                "tool_use", Conversation.inputTokens(body), outputTokens, Answer.CacheUsage.NONE, false);
    }

    /** Whether the request turns extended thinking on. */
    static boolean thinks(JsonNode body) {
        String type = body.path("thinking").path("type").asText();
        return type.equals("enabled") || type.equals("adaptive");
    }

    /**
     * The simulator's signature of a thinking text: {@code sig_sim_} and 32 hex digits of its SHA-256, so that a
     * client that changes a thinking block it sends back is caught.
     */
    static String signature(String thinking) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(thinking.getBytes(StandardCharsets.UTF_8));
            return SIGNATURE_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String model(JsonNode body) {
        JsonNode model = body.path("model");
        return model.isTextual() ? model.asText() : FALLBACK_MODEL;
    }
}
