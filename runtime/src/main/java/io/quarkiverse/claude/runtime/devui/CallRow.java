package io.quarkiverse.claude.runtime.devui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkiverse.claude.ClaudeCallEvent;

/**
 * One line of the Dev UI's table of recent calls. {@code requestId} is the API's {@code request-id} (of the answer or
 * of the failure), what Anthropic's support asks for; {@code messageId} the id of the answer, for calls that have one.
 */
public record CallRow(String time, String client, String operation, String model, String outcome, int status,
        int attempts, long waitedMillis, String requestId, String messageId, long inputTokens, long outputTokens,
        Double costUsd) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    static CallRow of(ClaudeCallEvent call) {
        int status = call.failure() instanceof io.quarkiverse.claude.errors.ClaudeApiException api ? api.status()
                : call.succeeded() ? 200 : 0;
        return new CallRow(TIME.format(call.start()), call.client(), call.operation(),
                call.responseModel() != null ? call.responseModel() : call.model(), call.outcome(), status,
                call.attempts(), call.totalWait().toMillis(), call.requestId().orElse(null), call.messageId(),
                call.usage() == null ? 0 : call.usage().inputTokens(),
                call.usage() == null ? 0 : call.usage().outputTokens(), call.estimatedCostUsd());
    }
}
