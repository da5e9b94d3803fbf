package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the text out of a messages request body ({@code system} and {@code messages}), leniently: anything that is not
 * text is skipped. Used to build the echo answer and to estimate tokens.
 */
final class Conversation {

    private Conversation() {
    }

    /** The text of the last {@code user} message (its text blocks joined with a space), or "" when there is none. */
    static String lastUserText(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                return String.join(" ", texts(message.path("content")));
            }
        }
        return "";
    }

    /**
     * The simulator's token estimate of the input: all text of all messages and of {@code system}, one token per four
     * characters rounded up, at least 1.
     */
    static long inputTokens(JsonNode body) {
        long chars = 0;
        for (String s : texts(body.path("system"))) {
            chars += s.length();
        }
        for (JsonNode message : body.path("messages")) {
            for (String s : texts(message.path("content"))) {
                chars += s.length();
            }
        }
        return Math.max(1, (chars + 3) / 4);
    }

    /** The texts of a content value: a plain string, or the {@code text} of each {@code type: text} block. */
    private static List<String> texts(JsonNode content) {
        List<String> out = new ArrayList<>();
        if (content.isTextual()) {
            out.add(content.asText());
        } else if (content.isArray()) {
            for (JsonNode block : content) {
                if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                    out.add(block.path("text").asText());
                }
            }
        }
        return out;
    }
}
