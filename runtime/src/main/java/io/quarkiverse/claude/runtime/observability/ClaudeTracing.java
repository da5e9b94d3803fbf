package io.quarkiverse.claude.runtime.observability;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.model.Usage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractMulti;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.mutiny.subscription.UniSubscriber;

/**
 * One span per call, from its start to its end, the parent of the REST Client's HTTP span of each attempt: GenAI
 * attributes, the usage, the estimated cost, the request id of a failure, and one {@code claude.attempt} event per
 * attempt (its status, error class and the wait that followed). Registered only when the application has
 * {@code quarkus-opentelemetry}. The span's parent is the context current where the call starts.
 */
@Singleton
public class ClaudeTracing implements CallTracer {

    static final String INSTRUMENTATION = "io.quarkiverse.claude";

    private final Tracer tracer;

    public ClaudeTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    @Override
    public CallSpan start(String client, CallInfo info) {
        String operation = GenAi.operation(info.operation);
        Context parent = Context.current();
        Span span = tracer.spanBuilder(info.model == null ? operation : operation + " " + info.model)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(GenAi.SYSTEM, GenAi.ANTHROPIC)
                .setAttribute(GenAi.OPERATION, operation)
                .setAttribute("claude.operation", info.operation)
                .setAttribute(GenAi.CLIENT, client)
                .startSpan();
        if (info.model != null) {
            span.setAttribute(GenAi.REQUEST_MODEL, info.model);
        }
        return new TracedCall(span, parent.with(span));
    }

    /** The span of one call, and the context in which its attempts run. */
    private static final class TracedCall implements CallSpan {

        private final Span span;
        private final Context context;

        TracedCall(Span span, Context context) {
            this.span = span;
            this.context = context;
        }

        @Override
        public <T> Uni<T> parentOf(Supplier<Uni<T>> attempt) {
            return new AbstractUni<T>() {
                @Override
                public void subscribe(UniSubscriber<? super T> downstream) {
                    try (Scope ignored = context.makeCurrent()) {
                        AbstractUni.subscribe(Uni.createFrom().<T> deferred(attempt::get), downstream);
                    }
                }
            };
        }

        @Override
        public <T> Multi<T> parentOfStream(Supplier<Multi<T>> attempt) {
            return new AbstractMulti<T>() {
                @Override
                public void subscribe(MultiSubscriber<? super T> downstream) {
                    try (Scope ignored = context.makeCurrent()) {
                        Multi.createFrom().<T> deferred(attempt::get).subscribe(downstream);
                    }
                }
            };
        }

        @Override
        public void end(ClaudeCallEvent call) {
            span.setAttribute("claude.attempts", (long) call.attempts());
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
            span.end();
        }
    }
}
