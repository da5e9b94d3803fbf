package io.quarkiverse.claude.testing;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's answer to a structured-output request: deterministic JSON that follows the request's schema. A
 * string is the name of its property (or the first {@code enum} value, or a sample of its {@code format}), an
 * integer {@code 1}, a number {@code 1.5}, a boolean {@code true}, an array one item, an {@code anyOf} its first
 * branch that is not {@code null}; {@code $ref}s to {@code #/$defs/…} or {@code #/definitions/…} are followed.
 */
final class SchemaSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deep enough for any schema a client sends; a recursive one stops here. */
    private static final int MAX_DEPTH = 32;

    private final JsonNode root;

    private SchemaSamples(JsonNode root) {
        this.root = root;
    }

    /** @return the schema of a structured-output request, or {@code null} when it asks for none */
    static JsonNode schemaOf(JsonNode body) {
        JsonNode format = body.path("output_config").path("format");
        return "json_schema".equals(format.path("type").asText()) && format.path("schema").isObject()
                ? format.get("schema")
                : null;
    }

    /** @return JSON that follows {@code schema} */
    static JsonNode sample(JsonNode schema) {
        return new SchemaSamples(schema).value(schema, "value", 0);
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        if (schema.has("$ref")) {
            return value(resolve(schema.get("$ref").asText()), name, depth + 1);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String keyword : new String[] { "anyOf", "oneOf", "allOf" }) {
            if (schema.path(keyword).isArray() && !schema.get(keyword).isEmpty()) {
                for (JsonNode branch : schema.get(keyword)) {
                    if (!"null".equals(branch.path("type").asText())) {
                        return value(branch, name, depth + 1);
                    }
                }
                return NODES.nullNode();
            }
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(value(schema.path("items"), name, depth + 1));
                return array;
            }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            case "null":
                return NODES.nullNode();
            default:
                return NODES.textNode(string(schema.path("format").asText(""), name));
        }
    }

    /** The type; of a type list such as {@code ["string","null"]}, the first that is not null. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asText())) {
                    return one.asText();
                }
            }
            return "null";
        }
        return type.asText(schema.has("properties") ? "object" : "string");
    }

    private static String string(String format, String name) {
        return switch (format) {
            case "date" -> "2026-11-30";
            case "date-time" -> "2026-11-30T09:15:00Z";
            case "time" -> "09:15:00Z";
            case "duration" -> "PT1H";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "uri" -> "https://example.com/";
            case "email" -> "sim@example.com";
            case "hostname" -> "example.com";
            case "ipv4" -> "192.0.2.1";
            case "ipv6" -> "2001:db8::1";
            default -> name;
        };
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return NODES.objectNode(); // a remote schema: the API takes none; answer a string
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? NODES.objectNode() : target;
    }

    /** @return {@code value} without its first property (when it is an object with one) */
    static JsonNode withoutFirstProperty(JsonNode value) {
        if (value instanceof ObjectNode object && object.size() > 0) {
            ObjectNode copy = object.deepCopy();
            copy.remove(copy.fieldNames().next());
            return copy;
        }
        return value;
    }
}
