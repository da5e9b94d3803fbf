package io.quarkiverse.claude.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's answers that run a server tool or cite a document, deterministic like the echo:
 * <ul>
 * <li>The request's first web search tool ({@code web_search_*}) runs one search for the last user text: a
 * {@code server_tool_use}, a {@code web_search_tool_result} with two results on the first allowed domain (else
 * {@code example.com}), and the echo text citing the first result ({@code web_search_result_location}).</li>
 * <li>A web fetch tool ({@code web_fetch_*}) fetches the first {@code http(s)} URL of the last user text, when there is
 * one: a {@code web_fetch_result} holding a text document, and the echo (citing the page when the tool has citations
 * on). A host on {@code .invalid} gives the error {@code url_not_accessible}, one outside {@code allowed_domains} or
 * inside {@code blocked_domains} {@code url_not_allowed}.</li>
 * <li>A code execution tool ({@code code_execution_*}) runs the last user text: {@code code_execution_20250522} as
 * Python ({@code print(…)}, a {@code code_execution_tool_result}), later versions as a shell command ({@code echo …}, a
 * {@code bash_code_execution_tool_result}); stdout is the text.</li>
 * <li>Otherwise, when a message holds a document with {@code citations.enabled}, the echo cites the last such document:
 * a plain-text one by characters (its first sentence), a PDF one by page (page 1), a content one by block (block 0).</li>
 * </ul>
 * The first server tool of the request decides; {@code usage.server_tool_use} counts the searches and fetches.
 */
final class ServerToolAnswers {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

    private final Ids ids;

    ServerToolAnswers(Ids ids) {
        this.ids = ids;
    }

    /** @return the answer for a request that uses a server tool or cites a document, else empty (the echo answers) */
    Optional<Answer> answer(JsonNode body, boolean extraFields, Answer.CacheUsage cache) {
        String userText = Conversation.lastUserText(body);
        for (JsonNode tool : body.path("tools")) {
            String type = tool.path("type").asText("");
            if (type.startsWith("web_search_20")) {
                return Optional.of(webSearch(body, tool, userText, extraFields, cache));
            }
            if (type.startsWith("web_fetch_20")) {
                Matcher url = URL.matcher(userText);
                return url.find() ? Optional.of(webFetch(body, tool, url.group(), userText, extraFields, cache))
                        : Optional.empty();
            }
            if (type.startsWith("code_execution_20")) {
                return Optional.of(codeExecution(body, type, userText, extraFields, cache));
            }
        }
        return citedDocument(body).map(citation -> answer(body, List.of(new Answer.Text("Echo: " + userText,
                List.of(citation))), null, extraFields, cache));
    }

    private Answer webSearch(JsonNode body, JsonNode tool, String query, boolean extraFields, Answer.CacheUsage cache) {
        String id = ids.serverToolUseId();
        String domain = tool.path("allowed_domains").path(0).asText("example.com");
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (int i = 1; i <= 2; i++) {
            results.add(Json.object().put("type", "web_search_result")
                    .put("url", "https://" + domain + "/result-" + i)
                    .put("title", "Result " + i + " for: " + query)
                    .put("encrypted_content", encrypted("content " + i + " " + query))
                    .putNull("page_age"));
        }
        ObjectNode result = Json.object().put("type", "web_search_tool_result").put("tool_use_id", id);
        result.set("caller", direct());
        result.set("content", results);
        ObjectNode citation = Json.object().put("type", "web_search_result_location")
                .put("cited_text", "Result 1 for: " + query)
                .put("url", results.get(0).path("url").asText())
                .put("title", results.get(0).path("title").asText())
                .put("encrypted_index", encrypted("index 1 " + query));
        List<Answer.Block> content = List.of(
                new Answer.ServerToolUse(id, "web_search", Json.object().put("query", query)),
                new Answer.Opaque(result),
                new Answer.Text("Echo: " + query, List.of(citation)));
        return answer(body, content, new Answer.ServerToolCounts(1, 0), extraFields, cache);
    }

    private Answer webFetch(JsonNode body, JsonNode tool, String url, String userText, boolean extraFields,
            Answer.CacheUsage cache) {
        String id = ids.serverToolUseId();
        String host = host(url);
        String error = host.endsWith(".invalid") ? "url_not_accessible"
                : !allowed(host, tool.path("allowed_domains"), true) || allowed(host, tool.path("blocked_domains"), false)
                        ? "url_not_allowed"
                        : null;
        ObjectNode result = Json.object().put("type", "web_fetch_tool_result").put("tool_use_id", id);
        result.set("caller", direct());
        Answer.Text text;
        if (error != null) {
            result.putObject("content").put("type", "web_fetch_tool_result_error").put("error_code", error);
            text = new Answer.Text("Echo: " + userText);
        } else {
            String page = "The page at " + url + " says hello.";
            ObjectNode fetched = result.putObject("content").put("type", "web_fetch_result").put("url", url)
                    .put("retrieved_at", "2026-01-01T00:00:00Z");
            ObjectNode document = fetched.putObject("content").put("type", "document");
            document.putObject("source").put("type", "text").put("media_type", "text/plain").put("data", page);
            document.put("title", "Page of " + host);
            boolean cites = tool.path("citations").path("enabled").asBoolean(false);
            if (cites) {
                document.putObject("citations").put("enabled", true);
            }
            text = new Answer.Text("Echo: " + userText, cites ? List.of(charLocation(page, 0, "Page of " + host))
                    : List.of());
        }
        List<Answer.Block> content = List.of(
                new Answer.ServerToolUse(id, "web_fetch", Json.object().put("url", url)),
                new Answer.Opaque(result), text);
        return answer(body, content, new Answer.ServerToolCounts(0, 1), extraFields, cache);
    }

    private Answer codeExecution(JsonNode body, String type, String userText, boolean extraFields,
            Answer.CacheUsage cache) {
        String id = ids.serverToolUseId();
        boolean python = type.equals("code_execution_20250522");
        String prefix = python ? "" : "bash_";
        ObjectNode input = python ? Json.object().put("code", "print(" + Json.MAPPER.valueToTree(userText) + ")")
                : Json.object().put("command", "echo " + Json.MAPPER.valueToTree(userText));
        ObjectNode result = Json.object().put("type", prefix + "code_execution_tool_result").put("tool_use_id", id);
        ObjectNode ran = result.putObject("content").put("type", prefix + "code_execution_result")
                .put("stdout", userText + "\n").put("stderr", "").put("return_code", 0);
        ran.putArray("content");
        List<Answer.Block> content = List.of(
                new Answer.ServerToolUse(id, prefix + "code_execution", input),
                new Answer.Opaque(result),
                new Answer.Text("Echo: " + userText));
        return answer(body, content, null, extraFields, cache);
    }

    /** The citation of the last document with citations enabled, or empty when there is none. */
    private static Optional<ObjectNode> citedDocument(JsonNode body) {
        ObjectNode citation = null;
        int index = 0;
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if (!"document".equals(block.path("type").asText())) {
                    continue;
                }
                if (block.path("citations").path("enabled").asBoolean(false)) {
                    citation = documentCitation(block, index);
                }
                index++;
            }
        }
        return Optional.ofNullable(citation);
    }

    private static ObjectNode documentCitation(JsonNode document, int index) {
        JsonNode source = document.path("source");
        String title = document.path("title").isTextual() ? document.path("title").asText() : null;
        String sourceType = source.path("type").asText();
        ObjectNode citation;
        if (sourceType.equals("text")) {
            citation = charLocation(source.path("data").asText(""), index, title);
        } else if (sourceType.equals("content")) {
            JsonNode first = source.path("content").isTextual() ? source.path("content")
                    : source.path("content").path(0).path("text");
            citation = Json.object().put("type", "content_block_location").put("cited_text", first.asText(""))
                    .put("document_index", index).put("start_block_index", 0).put("end_block_index", 1);
        } else {
            citation = Json.object().put("type", "page_location").put("cited_text", "Page 1")
                    .put("document_index", index).put("start_page_number", 1).put("end_page_number", 2);
        }
        if (title != null) {
            citation.put("document_title", title);
        } else {
            citation.putNull("document_title");
        }
        return citation;
    }

    /** Cites the first sentence of a plain-text document (the whole text when it has no full stop). */
    private static ObjectNode charLocation(String text, int documentIndex, String title) {
        int end = text.indexOf(". ");
        end = end < 0 ? text.length() : end + 1;
        ObjectNode citation = Json.object().put("type", "char_location").put("cited_text", text.substring(0, end))
                .put("document_index", documentIndex).put("start_char_index", 0).put("end_char_index", end);
        citation.put("document_title", title);
        return citation;
    }

    private Answer answer(JsonNode body, List<Answer.Block> content, Answer.ServerToolCounts counts,
            boolean extraFields, Answer.CacheUsage cache) {
        int words = 0;
        for (Answer.Block block : content) {
            words += block instanceof Answer.Text t ? Words.count(t.text()) : 0;
        }
        long input = Math.max(0, Conversation.inputTokens(body) - cache.read() - cache.creation());
        String model = body.path("model").isTextual() ? body.path("model").asText() : Answers.FALLBACK_MODEL;
        return new Answer(ids.messageId(), model, new ArrayList<>(content), "end_turn", input, Math.max(1, words), cache,
                extraFields, counts);
    }

    /** {@code caller} of web search and fetch blocks: the model called the tool itself (not code it ran). */
    static ObjectNode direct() {
        return Json.object().put("type", "direct");
    }

    /** Stands for the API's encrypted fields: opaque, but the same for the same input. */
    private static String encrypted(String clear) {
        return "sim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(clear.getBytes(StandardCharsets.UTF_8));
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** @return whether the host is one of the domains (or under one); {@code whenNone} for a missing list */
    private static boolean allowed(String host, JsonNode domains, boolean whenNone) {
        if (!domains.isArray() || domains.isEmpty()) {
            return whenNone;
        }
        for (JsonNode domain : domains) {
            String d = domain.asText("").toLowerCase();
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }
}
