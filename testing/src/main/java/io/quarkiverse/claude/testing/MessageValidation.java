package io.quarkiverse.claude.testing;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a messages (or count_tokens) request body the way the API does, with the API's wording, and throws
 * {@link ApiException} for the first problem found. Unknown fields are allowed.
 */
final class MessageValidation {

    /** The API version on which sampling parameters are rejected. */
    static final String VERSION_WITHOUT_SAMPLING = "2026-10-21";

    /** The smallest {@code thinking.budget_tokens} the API accepts. */
    static final int MIN_THINKING_BUDGET = 1024;

    /** The {@code output_config.effort} values of the API (and the SDK 3.13). */
    private static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

    private static final List<String> SAMPLING_FIELDS = List.of("temperature", "top_p", "top_k");

    private final ModelCatalog models;

    MessageValidation(ModelCatalog models) {
        this.models = models;
    }

    /**
     * @param requireMaxTokens true for {@code /v1/messages}, false for {@code count_tokens}
     * @param rejectSampling true when {@code temperature}, {@code top_p} and {@code top_k} are not allowed
     */
    void check(JsonNode body, boolean requireMaxTokens, boolean rejectSampling) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw ApiException.invalid("model: Field required");
        }
        if (!model.isTextual()) {
            throw ApiException.invalid("model: Input should be a valid string");
        }
        if (requireMaxTokens) {
            checkMaxTokens(body.get("max_tokens"));
        }
        checkMessages(body.get("messages"));
        JsonNode system = body.get("system");
        if (system != null && !system.isNull() && !system.isTextual() && !system.isArray()) {
            throw ApiException.invalid("system: Input should be a valid string or a list of text blocks");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw ApiException.invalid("stream: Input should be a valid boolean");
        }
        checkThinking(body.get("thinking"), requireMaxTokens ? body.get("max_tokens") : null);
        checkThinkingBlocks(body.get("messages"));
        checkOutputConfig(body.get("output_config"));
        PromptCache.check(body);
        if (rejectSampling) {
            for (String field : SAMPLING_FIELDS) {
                if (body.has(field)) {
                    throw ApiException.invalid(field + ": is not supported with anthropic-version "
                            + VERSION_WITHOUT_SAMPLING + "; remove it from the request");
                }
            }
        }
        if (!models.knows(model.asText())) {
            throw ApiException.notFound("model: " + model.asText());
        }
    }

    /** {@code thinking}: a known type; for {@code enabled}, 1024 <= budget_tokens < max_tokens. */
    private static void checkThinking(JsonNode thinking, JsonNode maxTokens) {
        if (thinking == null || thinking.isNull()) {
            return;
        }
        if (!thinking.isObject()) {
            throw ApiException.invalid("thinking: Input should be a valid dictionary or object to extract fields from");
        }
        String type = thinking.path("type").asText("");
        if (type.equals("disabled") || type.equals("adaptive") || type.equals("between_tools")) {
            return;
        }
        if (!type.equals("enabled")) {
            throw ApiException.invalid("thinking: Input tag '" + type + "' found using 'type' does not match any of the "
                    + "expected tags: 'adaptive', 'between_tools', 'disabled', 'enabled'");
        }
        JsonNode budget = thinking.get("budget_tokens");
        if (budget == null || budget.isNull()) {
            throw ApiException.invalid("thinking.enabled.budget_tokens: Field required");
        }
        if (!budget.isIntegralNumber() || !budget.canConvertToLong()) {
            throw ApiException.invalid("thinking.enabled.budget_tokens: Input should be a valid integer");
        }
        if (budget.asLong() < MIN_THINKING_BUDGET) {
            throw ApiException.invalid("thinking.enabled.budget_tokens: Input should be greater than or equal to "
                    + MIN_THINKING_BUDGET);
        }
        if (maxTokens != null && budget.asLong() >= maxTokens.asLong()) {
            throw ApiException.invalid("`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our "
                    + "documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking"
                    + "#max-tokens-and-context-window-size");
        }
    }

    /**
     * Thinking blocks sent back in the history: {@code thinking} needs its text and a signature (and a simulator
     * signature must match the text, as the API checks that the block was not changed); {@code redacted_thinking} needs
     * its data.
     */
    private static void checkThinkingBlocks(JsonNode messages) {
        for (int i = 0; i < messages.size(); i++) {
            JsonNode content = messages.get(i).path("content");
            for (int j = 0; j < content.size(); j++) {
                JsonNode block = content.get(j);
                String at = "messages." + i + ".content." + j;
                String type = block.path("type").asText();
                if (type.equals("thinking")) {
                    if (!block.path("thinking").isTextual()) {
                        throw ApiException.invalid(at + ".thinking.thinking: Field required");
                    }
                    JsonNode signature = block.get("signature");
                    if (signature == null || signature.isNull()) {
                        throw ApiException.invalid(at + ".thinking.signature: Field required");
                    }
                    String sig = signature.asText("");
                    if (!signature.isTextual() || sig.isBlank() || sig.startsWith(Answers.SIGNATURE_PREFIX)
                            && !sig.equals(Answers.signature(block.path("thinking").asText()))) {
                        throw ApiException.invalid(at + ": Invalid `signature` in `thinking` block");
                    }
                } else if (type.equals("redacted_thinking")) {
                    if (!block.path("data").isTextual()) {
                        throw ApiException.invalid(at + ".redacted_thinking.data: Field required");
                    }
                }
            }
        }
    }

    /**
     * {@code output_config}: a known {@code effort}; a {@code format} of type {@code json_schema} with a schema in which
     * every object sets {@code additionalProperties: false} (the structured-outputs rule the SDK's validator checks
     * too).
     */
    private static void checkOutputConfig(JsonNode config) {
        if (config == null || config.isNull()) {
            return;
        }
        if (!config.isObject()) {
            throw ApiException.invalid("output_config: Input should be a valid dictionary or object to extract fields from");
        }
        JsonNode effort = config.get("effort");
        if (effort != null && !effort.isNull() && !EFFORTS.contains(effort.asText())) {
            throw ApiException.invalid("output_config.effort: Input should be " + String.join(", ", EFFORTS.stream()
                    .map(e -> "'" + e + "'").toList()));
        }
        JsonNode format = config.get("format");
        if (format == null || format.isNull()) {
            return;
        }
        String type = format.path("type").asText("");
        if (!type.equals("json_schema")) {
            throw ApiException.invalid("output_config.format: Input tag '" + type + "' found using 'type' does not "
                    + "match any of the expected tags: 'json_schema'");
        }
        JsonNode schema = format.get("schema");
        if (schema == null || !schema.isObject()) {
            throw ApiException.invalid("output_config.format.json_schema.schema: Field required");
        }
        checkSchema(schema, "output_config.format.schema", 0);
    }

    private static void checkSchema(JsonNode schema, String at, int depth) {
        if (depth > 64 || !schema.isObject()) {
            return;
        }
        boolean object = "object".equals(schema.path("type").asText()) || schema.has("properties");
        if (object && !(schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean())) {
            throw ApiException.invalid(at + ": For 'object' type, 'additionalProperties' must be explicitly set to false");
        }
        schema.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (field.getKey().equals("properties") || field.getKey().equals("$defs")
                    || field.getKey().equals("definitions")) {
                value.fields().forEachRemaining(p -> checkSchema(p.getValue(), at + "." + p.getKey(), depth + 1));
            } else if (field.getKey().equals("items")) {
                checkSchema(value, at + ".items", depth + 1);
            } else if (value.isArray() && (field.getKey().equals("anyOf") || field.getKey().equals("allOf"))) {
                for (int i = 0; i < value.size(); i++) {
                    checkSchema(value.get(i), at + "." + field.getKey() + "." + i, depth + 1);
                }
            }
        });
    }

    private static void checkMaxTokens(JsonNode maxTokens) {
        if (maxTokens == null || maxTokens.isNull()) {
            throw ApiException.invalid("max_tokens: Field required");
        }
        if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToLong()) {
            throw ApiException.invalid("max_tokens: Input should be a valid integer");
        }
        if (maxTokens.asLong() < 1) {
            throw ApiException.invalid("max_tokens: Input should be greater than or equal to 1");
        }
    }

    private static void checkMessages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw ApiException.invalid("messages: Field required");
        }
        if (!messages.isArray()) {
            throw ApiException.invalid("messages: Input should be a valid list");
        }
        if (messages.isEmpty()) {
            throw ApiException.invalid("messages: at least one message is required");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw ApiException.invalid("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            JsonNode content = message.get("content");
            if (content == null || !(content.isTextual() || content.isArray())) {
                throw ApiException.invalid("messages." + i + ".content: Input should be a valid string or list");
            }
        }
    }
}
