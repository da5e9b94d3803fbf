package io.quarkiverse.claude.runtime.observability;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.model.Usage;

/**
 * Records one span per {@link ClaudeCallEvent}, after the call, with its real start and end: GenAI attributes, the
 * usage, the estimated cost, the request id of a failure, and one {@code claude.attempt} event per attempt (its
 * status, error class and the wait that followed). Registered only when the application has
 * {@code quarkus-opentelemetry}. The span's parent is the context current where the call ended (the caller's, for
 * blocking calls).
 */
@Singleton
public class ClaudeTracing {

    static final String INSTRUMENTATION = "io.quarkiverse.claude";

    private final Tracer tracer;

    public ClaudeTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    void onCall(@Observes ClaudeCallEvent call) {
        String operation = GenAi.operation(call);
        Instant start = call.start();
        Span span = tracer.spanBuilder(call.model() == null ? operation : operation + " " + call.model())
                .setSpanKind(SpanKind.CLIENT)
                .setParent(Context.current())
                .setStartTimestamp(start)
                .setAttribute(GenAi.SYSTEM, GenAi.ANTHROPIC)
                .setAttribute(GenAi.OPERATION, operation)
                .setAttribute("claude.operation", call.operation())
                .setAttribute(GenAi.CLIENT, call.client())
                .setAttribute("claude.attempts", (long) call.attempts())
                .startSpan();
        if (call.model() != null) {
            span.setAttribute(GenAi.REQUEST_MODEL, call.model());
        }
        if (call.responseModel() != null) {
            span.setAttribute(GenAi.RESPONSE_MODEL, call.responseModel());
        }
        if (call.messageId() != null) {
            span.setAttribute("gen_ai.response.id", call.messageId());
        }
        Usage usage = call.usage();
        if (usage != null) {
            span.setAttribute("gen_ai.usage.input_tokens", usage.inputTokens());
            span.setAttribute("gen_ai.usage.output_tokens", usage.outputTokens());
            span.setAttribute("gen_ai.usage.cache_creation_input_tokens", usage.cacheCreationInputTokens());
            span.setAttribute("gen_ai.usage.cache_read_input_tokens", usage.cacheReadInputTokens());
        }
        if (call.estimatedCostUsd() != null) {
            span.setAttribute("claude.cost.usd", call.estimatedCostUsd());
        }
        List<ClaudeCallEvent.Attempt> failed = call.failedAttempts();
        for (int i = 0; i < failed.size(); i++) {
            ClaudeCallEvent.Attempt attempt = failed.get(i);
            AttributesBuilder attributes = Attributes.builder()
                    .put("claude.attempt.number", i + 1)
                    .put(GenAi.ERROR_TYPE, attempt.outcome())
                    .put("claude.attempt.wait_ms", attempt.waitAfter().toMillis());
            if (attempt.status() > 0) {
                attributes.put("http.response.status_code", attempt.status());
            }
            span.addEvent("claude.attempt", attributes.build());
        }
        if (call.succeeded()) {
            span.addEvent("claude.attempt", Attributes.builder()
                    .put("claude.attempt.number", failed.size() + 1)
                    .put(GenAi.ERROR_TYPE, "none")
                    .put("http.response.status_code", 200)
                    .put("claude.attempt.wait_ms", 0L).build());
        } else {
            Throwable failure = call.failure();
            span.setAttribute(GenAi.ERROR_TYPE, call.outcome());
            call.requestId().ifPresent(id -> span.setAttribute("claude.request_id", id));
            if (failure instanceof ClaudeApiException api) {
                span.setAttribute("http.response.status_code", api.status());
            }
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            span.recordException(failure);
        }
        Instant end = start.plus(call.duration());
        span.end(end.getEpochSecond() * 1_000_000_000L + end.getNano(), TimeUnit.NANOSECONDS);
    }
}
