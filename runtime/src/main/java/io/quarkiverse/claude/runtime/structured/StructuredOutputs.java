package io.quarkiverse.claude.runtime.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.StructuredOutputException;
import io.quarkiverse.claude.errors.StructuredOutputException.Reason;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.OutputConfig;
import io.quarkiverse.claude.model.OutputFormat;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.runtime.errors.ApiErrors;

/** Structured outputs: the request that asks for a type's schema, and the answer read into the type. */
public final class StructuredOutputs {

    private StructuredOutputs() {
    }

    /**
     * @return {@code request} with {@code output_config.format} set to the schema of {@code type} (an effort set on
     *         the request is kept)
     * @throws InvalidRequestException before sending, naming the type and the property, when the API could not accept
     *         the type's schema
     */
    public static MessageRequest request(MessageRequest request, Class<?> type) {
        ObjectNode schema = schemaOrPreflightFailure(type);
        OutputConfig current = request.outputConfig();
        OutputFormat format = OutputFormat.jsonSchema(schema);
        return request.toBuilder()
                .outputConfig(current == null ? OutputConfig.jsonSchema(schema) : current.withFormat(format))
                .build();
    }

    /** @throws InvalidRequestException when the API could not accept the type's schema */
    public static ObjectNode schemaOrPreflightFailure(Class<?> type) {
        try {
            return StructuredTypes.schemaOf(type);
        } catch (SchemaProblem problem) {
            throw new InvalidRequestException(ApiErrors.preflight(InvalidRequestException.STATUS,
                    InvalidRequestException.TYPE, "output_config.format.schema: " + problem.getMessage()));
        }
    }

    /**
     * @param requestId the answer's {@code request-id}, or {@code null}
     * @return the answer read into {@code type}
     * @throws StructuredOutputException when it cannot be
     */
    public static <T> StructuredAnswer<T> read(Message message, Class<T> type, String requestId) {
        String text = message.text();
        if (StopReason.MAX_TOKENS.equals(message.stopReason())) {
            throw failure(Reason.MAX_TOKENS, type, "$", "the answer was cut at max_tokens"
                    + (message.usage() == null ? "" : " (" + message.usage().outputTokens() + " output tokens)"),
                    text, message, requestId);
        }
        if (StopReason.REFUSAL.equals(message.stopReason())) {
            throw failure(Reason.REFUSAL, type, "$", "the model refused to answer", text, message, requestId);
        }
        if (text.isBlank()) {
            throw failure(Reason.NOT_JSON, type, "$", "the answer has no text", text, message, requestId);
        }
        JsonNode tree;
        try {
            tree = StructuredJson.MAPPER.readTree(text);
        } catch (JsonProcessingException notJson) {
            String where = notJson.getLocation() == null ? ""
                    : " at line " + notJson.getLocation().getLineNr() + ", column " + notJson.getLocation().getColumnNr();
            throw failure(Reason.NOT_JSON, type, "$", "the text is not JSON" + where, text, message, requestId);
        }
        SchemaCheck.Violation violation = SchemaCheck.check(tree, StructuredTypes.schemaOf(type));
        if (violation != null) {
            throw failure(Reason.SCHEMA_VIOLATION, type, violation.path(), violation.reason(), text, message, requestId);
        }
        try {
            return new StructuredAnswer<>(StructuredJson.MAPPER.treeToValue(tree, type), message);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw failure(Reason.SCHEMA_VIOLATION, type, path(unreadable), cannotRead(unreadable), text, message,
                    requestId);
        }
    }

    /** A JSON path of where Jackson failed, e.g. {@code $.items[0].when}. */
    private static String path(Exception failure) {
        StringBuilder path = new StringBuilder("$");
        if (failure instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append('.').append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
        }
        return path.toString();
    }

    /** Without Jackson's message, which quotes the value (answers may hold personal data). */
    private static String cannotRead(Exception failure) {
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "the value cannot be read as " + mismatch.getTargetType().getName();
        }
        return "the value cannot be read into the type (" + failure.getClass().getSimpleName() + ")";
    }

    private static StructuredOutputException failure(Reason reason, Class<?> type, String path, String detail,
            String text, Message message, String requestId) {
        return new StructuredOutputException(reason, type, path, detail, text, message, requestId);
    }
}
