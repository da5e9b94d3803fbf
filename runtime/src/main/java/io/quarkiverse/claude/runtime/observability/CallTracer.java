package io.quarkiverse.claude.runtime.observability;

/**
 * Starts the span of each call; {@link ClaudeTracing}, the one implementation, exists only when the application has
 * {@code quarkus-opentelemetry}.
 */
public interface CallTracer {

    /** @return the span of a call of {@code client} that starts now, a child of the caller's current span */
    CallSpan start(String client, CallInfo info);
}
