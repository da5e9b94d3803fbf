package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** One span per call, with the GenAI attributes and one event per attempt, captured by an in-memory exporter. */
@QuarkusTest
@TestProfile(ObservabilityProfile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    @ClaudeClientName("metered")
    ClaudeClient metered;

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @BeforeEach
    void reset() {
        simulator.reset();
        spans.reset();
    }

    @Test
    void aRetriedCallIsOneSpanWithAnEventPerAttempt() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(15));
        Message answer = metered.messages().create(MessageRequest.of("trace me"));

        // spans of other suites' calls (batches, health checks) may still be arriving: pick this call's
        SpanData span = claudeSpan(s -> answer.id().equals(attribute(s, "gen_ai.response.id")));
        assertEquals("chat claude-opus-4-5", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals("anthropic", attribute(span, "gen_ai.system"));
        assertEquals("chat", attribute(span, "gen_ai.operation.name"));
        assertEquals("claude-opus-4-5", attribute(span, "gen_ai.request.model"));
        assertEquals("claude-opus-4-5", attribute(span, "gen_ai.response.model"));
        assertEquals(answer.id(), attribute(span, "gen_ai.response.id"));
        assertEquals(answer.usage().inputTokens(),
                span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
        assertEquals(answer.usage().outputTokens(),
                span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")));
        assertTrue(span.getEndEpochNanos() - span.getStartEpochNanos() >= Duration.ofMillis(15).toNanos(),
                "the span covers the wait between the attempts");

        List<EventData> attempts = span.getEvents();
        assertEquals(2, attempts.size());
        assertEquals("rate_limit_error", attempts.get(0).getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(429L, attempts.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(15L, attempts.get(0).getAttributes().get(AttributeKey.longKey("claude.attempt.wait_ms")));
        assertEquals(200L, attempts.get(1).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }

    @Test
    void aFailedCallCarriesTheErrorAndTheRequestId() {
        simulator.enqueue(Fault.overloaded(), Fault.overloaded(), Fault.overloaded());
        OverloadedException failure = assertThrows(OverloadedException.class, () -> metered.ask("fail me"));

        SpanData span = claudeSpan(s -> failure.requestId().orElseThrow().equals(attribute(s, "claude.request_id")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("overloaded_error", attribute(span, "error.type"));
        assertEquals(failure.requestId().orElseThrow(), attribute(span, "claude.request_id"));
        assertEquals(3, span.getEvents().stream().filter(e -> e.getName().equals("claude.attempt")).count());
    }

    private SpanData claudeSpan(Predicate<SpanData> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> span = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getInstrumentationScopeInfo().getName().equals("io.quarkiverse.claude"))
                    .filter(which)
                    .findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no span of io.quarkiverse.claude in " + spans.getFinishedSpanItems());
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
