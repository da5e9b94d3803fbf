package io.quarkiverse.claude.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a tool of a request: a server tool when its {@code type} is one of {@link ServerTool}'s families, else a
 * {@link Tool} (which keeps a {@code type} such as {@code custom}, or one of a tool this version does not type, among
 * its extra fields, so nothing is lost).
 */
final class ToolDefinitionDeserializer extends JsonDeserializer<ToolDefinition> {

    @Override
    public ToolDefinition deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        Class<? extends ToolDefinition> type = ServerTool.isServerToolType(node.path("type").asText(""))
                ? ServerTool.class
                : Tool.class;
        return context.readTreeAsValue(node, type);
    }
}
