package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a messages request body leniently ({@code tools}, {@code system} and {@code messages}): what to echo, and the
 * simulator's token estimate. Anything it does not understand is skipped.
 * <p>
 * The estimate is one token per four characters, rounded up, of: each tool definition's JSON (without its
 * {@code cache_control}), the {@code system} text, and in each message the text of {@code text} blocks, the text
 * content of {@code tool_result} blocks and the name and input JSON of {@code tool_use} blocks. Thinking blocks of
 * earlier turns count for nothing: the API drops them from the context.
 */
final class Conversation {

    private Conversation() {
    }

    /**
     * The text of the last {@code user} message (its text blocks joined with a space); when that message holds no text
     * block, the text of its {@code tool_result} blocks; "" when there is none.
     */
    static String lastUserText(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                List<String> texts = texts(content);
                if (texts.isEmpty() && content.isArray()) {
                    for (JsonNode block : content) {
                        if ("tool_result".equals(block.path("type").asText())) {
                            texts.addAll(texts(block.path("content")));
                        }
                    }
                }
                return String.join(" ", texts);
            }
        }
        return "";
    }

    /** The simulator's token estimate of the whole input, at least 1. */
    static long inputTokens(JsonNode body) {
        long chars = 0;
        for (Segment s : segments(body)) {
            chars += s.chars();
        }
        return Math.max(1, tokens(chars));
    }

    /** Characters to tokens: one per four, rounded up. */
    static long tokens(long chars) {
        return (chars + 3) / 4;
    }

    /**
     * One piece of the prompt in the API's cache order (tools, then system, then messages): a tool definition, a system
     * block (or the system string), a message content block (or a message's string content).
     *
     * @param json the piece as sent, for the cache key
     * @param chars its size for the token estimate
     * @param cacheControl its {@code cache_control}, or null
     * @param path where it is in the request, for error messages, e.g. {@code messages.2.content.0}
     */
    record Segment(JsonNode json, long chars, JsonNode cacheControl, String path) {
    }

    static List<Segment> segments(JsonNode body) {
        List<Segment> out = new ArrayList<>();
        JsonNode tools = body.path("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            JsonNode withoutCache = tool;
            if (tool.isObject() && tool.has("cache_control")) {
                withoutCache = tool.deepCopy();
                ((ObjectNode) withoutCache).remove("cache_control");
            }
            out.add(new Segment(tool, withoutCache.toString().length(), cacheControl(tool), "tools." + i));
        }
        JsonNode system = body.path("system");
        if (system.isTextual()) {
            out.add(new Segment(system, system.asText().length(), null, "system"));
        } else if (system.isArray()) {
            for (int i = 0; i < system.size(); i++) {
                JsonNode block = system.get(i);
                out.add(new Segment(block, blockChars(block), cacheControl(block), "system." + i));
            }
        }
        JsonNode messages = body.path("messages");
        for (int m = 0; m < messages.size(); m++) {
            JsonNode content = messages.get(m).path("content");
            String path = "messages." + m + ".content";
            if (content.isTextual()) {
                out.add(new Segment(content, content.asText().length(), null, path));
            } else if (content.isArray()) {
                for (int b = 0; b < content.size(); b++) {
                    JsonNode block = content.get(b);
                    out.add(new Segment(block, blockChars(block), cacheControl(block), path + "." + b));
                }
            }
        }
        return out;
    }

    private static JsonNode cacheControl(JsonNode node) {
        JsonNode c = node.get("cache_control");
        return c == null || c.isNull() ? null : c;
    }

    private static long blockChars(JsonNode block) {
        switch (block.path("type").asText()) {
            case "text":
                return block.path("text").asText("").length();
            case "tool_result": {
                long n = 0;
                for (String s : texts(block.path("content"))) {
                    n += s.length();
                }
                return n;
            }
            case "tool_use":
                return block.path("name").asText("").length() + block.path("input").toString().length();
            default:
                return 0;
        }
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
