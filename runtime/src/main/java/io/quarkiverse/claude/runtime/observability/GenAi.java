package io.quarkiverse.claude.runtime.observability;

import io.quarkiverse.claude.ClaudeCallEvent;

/** The OpenTelemetry GenAI semantic-convention names shared by the metrics and the spans. */
final class GenAi {

    static final String SYSTEM = "gen_ai.system";
    static final String ANTHROPIC = "anthropic";
    static final String OPERATION = "gen_ai.operation.name";
    static final String REQUEST_MODEL = "gen_ai.request.model";
    static final String RESPONSE_MODEL = "gen_ai.response.model";
    static final String TOKEN_TYPE = "gen_ai.token.type";
    static final String ERROR_TYPE = "error.type";
    static final String CLIENT = "claude.client";
    static final String NONE = "none";

    private GenAi() {
    }

    /** @return the operation of {@code call}, as {@link #operation(String)} names it */
    static String operation(ClaudeCallEvent call) {
        return operation(call.operation());
    }

    /** @return {@code chat} for the Messages calls (as the conventions name them), else the client's operation */
    static String operation(String operation) {
        if ("messages.create".equals(operation) || "messages.stream".equals(operation)) {
            return "chat";
        }
        return operation == null ? NONE : operation;
    }

    static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }
}
