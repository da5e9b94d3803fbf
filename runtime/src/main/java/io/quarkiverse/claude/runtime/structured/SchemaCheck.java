package io.quarkiverse.claude.runtime.structured;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks an answer's JSON against the schema sent, for the subset {@link JsonSchemas} writes (types, {@code enum},
 * {@code anyOf}, {@code required}, {@code additionalProperties: false}, {@code items}), so that a failure names the
 * path and the rule rather than a Jackson message.
 */
final class SchemaCheck {

    /** Where the JSON breaks the schema, and how. */
    record Violation(String path, String reason) {
    }

    private SchemaCheck() {
    }

    /** @return the first violation, or {@code null} when the JSON follows the schema */
    static Violation check(JsonNode value, JsonNode schema) {
        return check(value, schema, "$");
    }

    private static Violation check(JsonNode value, JsonNode schema, String path) {
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null) {
            Violation first = null;
            for (JsonNode branch : anyOf) {
                Violation v = check(value, branch, path);
                if (v == null) {
                    return null;
                }
                // the branch of the value's own kind says more than the null branch
                if (first == null && !"null".equals(branch.path("type").asText())) {
                    first = v;
                }
            }
            return first != null ? first : new Violation(path, "matches none of the alternatives");
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object":
                return object(value, schema, path);
            case "array":
                if (!value.isArray()) {
                    return wrongType(path, "an array", value);
                }
                JsonNode items = schema.get("items");
                for (int i = 0; items != null && i < value.size(); i++) {
                    Violation v = check(value.get(i), items, path + "[" + i + "]");
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            case "string":
                if (!value.isTextual()) {
                    return wrongType(path, "a string", value);
                }
                JsonNode allowed = schema.get("enum");
                if (allowed != null) {
                    for (JsonNode option : allowed) {
                        if (option.asText().equals(value.asText())) {
                            return null;
                        }
                    }
                    return new Violation(path, "\"" + value.asText() + "\" is not one of " + allowed);
                }
                return null;
            case "integer":
                return value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0
                        ? null
                        : wrongType(path, "an integer", value);
            case "number":
                return value.isNumber() ? null : wrongType(path, "a number", value);
            case "boolean":
                return value.isBoolean() ? null : wrongType(path, "a boolean", value);
            case "null":
                return value.isNull() ? null : wrongType(path, "null", value);
            default:
                return null; // a keyword we do not write: nothing to check
        }
    }

    private static Violation object(JsonNode value, JsonNode schema, String path) {
        if (!value.isObject()) {
            return wrongType(path, "an object", value);
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                return new Violation(path + "." + name.asText(), "required property missing");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode propertySchema = properties.get(field.getKey());
            if (propertySchema == null) {
                if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                    return new Violation(path + "." + field.getKey(), "property not in the schema");
                }
                continue;
            }
            Violation v = check(field.getValue(), propertySchema, path + "." + field.getKey());
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation wrongType(String path, String expected, JsonNode found) {
        return new Violation(path, "expected " + expected + ", found " + kind(found));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
