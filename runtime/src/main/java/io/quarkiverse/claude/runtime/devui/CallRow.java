package io.quarkiverse.claude.runtime.devui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkiverse.claude.ClaudeCallEvent;

/** One line of the Dev UI's table of recent calls. */
public record CallRow(String time, String client, String operation, String model, String outcome, int status,
        int attempts, long waitedMillis, String requestId, long inputTokens, long outputTokens, Double costUsd) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    static CallRow of(ClaudeCallEvent call) {
        int status = call.failure() instanceof io.quarkiverse.claude.errors.ClaudeApiException api ? api.status()
                : call.succeeded() ? 200 : 0;
        return new CallRow(TIME.format(call.start()), call.client(), call.operation(),
                call.responseModel() != null ? call.responseModel() : call.model(), call.outcome(), status,
                call.attempts(), call.totalWait().toMillis(), call.requestId().orElse(call.messageId()),
                call.usage() == null ? 0 : call.usage().inputTokens(),
                call.usage() == null ? 0 : call.usage().outputTokens(), call.estimatedCostUsd());
    }
}
