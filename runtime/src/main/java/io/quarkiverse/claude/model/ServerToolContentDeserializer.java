package io.quarkiverse.claude.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code content} of a server tool's result block, which is a result, a list of results or an error, each
 * told apart by its {@code type}. A form this version does not know is read as plain maps and lists, so that it is
 * written back as it came.
 */
final class ServerToolContentDeserializer extends JsonDeserializer<Object> {

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return read(context.readTree(parser), context);
    }

    private static Object read(JsonNode node, DeserializationContext context) throws IOException {
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(read(item, context));
            }
            return items;
        }
        return context.readTreeAsValue(node, typeOf(node));
    }

    private static Class<?> typeOf(JsonNode node) {
        if (!node.isObject()) {
            return Object.class;
        }
        String type = node.path("type").asText("");
        if (type.endsWith("_tool_result_error")) {
            return ServerToolError.class;
        }
        return switch (type) {
            case "web_search_result" -> WebSearchResult.class;
            case "web_fetch_result" -> WebFetchResult.class;
            case "code_execution_result", "encrypted_code_execution_result", "bash_code_execution_result" ->
                CodeExecutionResult.class;
            case "text_editor_code_execution_view_result", "text_editor_code_execution_create_result",
                    "text_editor_code_execution_str_replace_result" ->
                TextEditorResult.class;
            default -> Object.class;
        };
    }
}
