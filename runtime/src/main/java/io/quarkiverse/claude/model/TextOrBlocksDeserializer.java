package io.quarkiverse.claude.model;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a field that the API accepts either as a string or as an array of content blocks ({@code content},
 * {@code system}), keeping the form that was sent so that it is written back the same way.
 */
final class TextOrBlocksDeserializer extends JsonDeserializer<Object> {

    private static final TypeReference<List<ContentBlock>> BLOCKS = new TypeReference<>() {
    };

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        if (node.isTextual()) {
            return node.textValue();
        }
        return context.readTreeAsValue(node, context.getTypeFactory().constructType(BLOCKS));
    }

    @SuppressWarnings("unchecked")
    static List<ContentBlock> asBlocks(Object textOrBlocks) {
        if (textOrBlocks == null) {
            return List.of();
        }
        if (textOrBlocks instanceof String text) {
            return List.of(new TextBlock(text));
        }
        return (List<ContentBlock>) textOrBlocks;
    }
}
