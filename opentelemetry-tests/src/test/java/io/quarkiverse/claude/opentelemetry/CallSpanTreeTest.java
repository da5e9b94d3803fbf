package io.quarkiverse.claude.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The span of a Claude call is the parent of the REST Client's HTTP span of each of its attempts, and the
 * {@code traceparent} the API receives names that attempt's HTTP span: for a blocking call, an asynchronous one (from a
 * plain thread and from a Vert.x duplicated context, as a reactive endpoint calls) and a stream, each answered after
 * one retried 529.
 */
class CallSpanTreeTest {

    static final String BASE_URL = SharedSimulator.baseUrl(CallSpanTreeTest.class,
            () -> ClaudeSimulator.start(SimulatorOptions.defaults()));
    static final String INSTRUMENTATION = "io.quarkiverse.claude";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedSimulator.class, InMemorySpans.class))
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.resilience.overloaded.delay", "10ms")
            .overrideRuntimeConfigKey("quarkus.claude.resilience.overloaded.max-delay", "20ms")
            .overrideConfigKey("quarkus.otel.exporter.otlp.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.otel.bsp.schedule.delay", "10ms");

    @Inject
    ClaudeClient claude;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    Tracer tracer;

    @Inject
    Vertx vertx;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(CallSpanTreeTest.class);
    }

    @BeforeEach
    void reset() {
        SharedSimulator.reset(CallSpanTreeTest.class);
        spans.reset();
    }

    @Test
    void theAttemptsOfABlockingCreateAreChildrenOfTheCallSpan() {
        SharedSimulator.overloadOnce(CallSpanTreeTest.class);
        Span caller = within("blocking caller", () -> claude.messages().create(MessageRequest.of("trace me")));

        assertEachAttemptIsAChildOfTheCallSpan(caller);
    }

    @Test
    void theAttemptsOfACreateAsyncAreChildrenOfTheCallSpan() {
        SharedSimulator.overloadOnce(CallSpanTreeTest.class);
        Span caller = within("async caller", () -> claude.messages().createAsync(MessageRequest.of("trace me"))
                .await().atMost(Duration.ofSeconds(10)));

        assertEachAttemptIsAChildOfTheCallSpan(caller);
    }

    @Test
    void theAttemptsOfAStreamAreChildrenOfTheCallSpan() {
        SharedSimulator.overloadOnce(CallSpanTreeTest.class);
        Span caller = within("stream caller", () -> claude.messages().stream(MessageRequest.of("trace me"))
                .collect().asList().await().atMost(Duration.ofSeconds(10)));

        assertEachAttemptIsAChildOfTheCallSpan(caller);
    }

    @Test
    void theAttemptsOfACreateAsyncFromAVertxContextAreChildrenOfTheCallSpan() throws Exception {
        SharedSimulator.overloadOnce(CallSpanTreeTest.class);
        // as a reactive endpoint calls: on an event loop, in a duplicated context that holds the caller's span
        CompletableFuture<Span> caller = new CompletableFuture<>();
        Context duplicated = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        duplicated.runOnContext(ignored -> {
            Span span = tracer.spanBuilder("reactive caller").startSpan();
            try (Scope scope = span.makeCurrent()) {
                claude.messages().createAsync(MessageRequest.of("trace me")).subscribe().with(
                        answer -> caller.complete(span), caller::completeExceptionally);
            } finally {
                span.end();
            }
        });

        assertEachAttemptIsAChildOfTheCallSpan(caller.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theSpanOfACancelledAsyncCallEnds() {
        SharedSimulator.slowOnce(CallSpanTreeTest.class);
        Span caller = tracer.spanBuilder("cancelling caller").startSpan();
        Cancellable call;
        try (Scope ignored = caller.makeCurrent()) {
            call = claude.messages().createAsync(MessageRequest.of("slow")).subscribe().with(answer -> {
            }, failure -> {
            });
        } finally {
            caller.end();
        }
        await(() -> SharedSimulator.headers(CallSpanTreeTest.class, "/v1/messages", "traceparent").isEmpty() ? null
                : true, "the request in flight");

        call.cancel();

        // the span, started with the call, ends with it, as the call's event tells it: failed, by the cancellation
        SpanData span = await(() -> trace(caller.getSpanContext().getTraceId()).stream()
                .filter(s -> s.getInstrumentationScopeInfo().getName().equals(INSTRUMENTATION))
                .findFirst().orElse(null), "the call's span, ended");
        assertEquals("CancellationException", span.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    /** Runs {@code call} with a span of the application current, as a traced endpoint would. */
    private Span within(String name, Supplier<?> call) {
        Span caller = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = caller.makeCurrent()) {
            call.get();
        } finally {
            caller.end();
        }
        return caller;
    }

    private void assertEachAttemptIsAChildOfTheCallSpan(Span caller) {
        String traceId = caller.getSpanContext().getTraceId();
        SpanData call = await(() -> {
            List<SpanData> found = trace(traceId).stream()
                    .filter(span -> span.getInstrumentationScopeInfo().getName().equals(INSTRUMENTATION)).toList();
            return found.size() == 1 ? found.get(0) : null;
        }, "the call's span, in the caller's trace");
        assertEquals(caller.getSpanContext().getSpanId(), call.getParentSpanId(), "the caller is the call's parent");
        assertEquals(2, call.getEvents().stream().filter(event -> event.getName().equals("claude.attempt")).count());

        // the REST Client's spans, in the caller's trace (an earlier test's may still be arriving)
        List<SpanData> http = await(() -> {
            List<SpanData> found = trace(traceId).stream()
                    .filter(span -> span.getKind() == SpanKind.CLIENT)
                    .filter(span -> !span.getInstrumentationScopeInfo().getName().equals(INSTRUMENTATION))
                    .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
            return found.size() >= 2 ? found : null;
        }, "an HTTP client span per attempt");
        assertEquals(2, http.size(), () -> "one HTTP client span per attempt: " + http);
        for (SpanData attempt : http) {
            assertEquals(call.getSpanId(), attempt.getParentSpanId(), () -> "a child of the call span: " + attempt);
        }

        List<String> sent = SharedSimulator.headers(CallSpanTreeTest.class, "/v1/messages", "traceparent");
        assertEquals(http.stream().map(attempt -> "00-" + traceId + "-" + attempt.getSpanId() + "-01").toList(), sent,
                "each attempt's traceparent names its own HTTP span");
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private <T> T await(Supplier<T> found, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + what + " in " + spans.getFinishedSpanItems());
    }
}
