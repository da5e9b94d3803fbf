package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ServerTool;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every call ends with a ClaudeCallEvent that says what happened: attempts, waits, usage, cost. */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class CallEventsTest extends SimulatorTest {

    @Inject
    CallLog log;

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("retrying")
    ClaudeClient retrying;


    @BeforeEach
    void clearLog() {
        log.calls().clear();
    }

    @Test
    void aSuccessfulCallReportsUsageAndCost() {
        Message answer = claude.messages().create(MessageRequest.of("price me"));

        ClaudeCallEvent call = log.calls().get(0);
        assertEquals("<default>", call.client());
        assertEquals("messages.create", call.operation());
        assertEquals("claude-sonnet-4-6", call.model());
        assertEquals("success", call.outcome());
        assertEquals(1, call.attempts());
        assertEquals(answer.id(), call.messageId());
        assertEquals(answer.usage().outputTokens(), call.usage().outputTokens());
        // claude-sonnet-4-6: $3 per million input tokens, $15 per million output tokens
        double expected = (answer.usage().inputTokens() * 3.0 + answer.usage().outputTokens() * 15.0) / 1_000_000;
        assertEquals(expected, call.estimatedCostUsd(), 1e-12);
    }

    @Test
    void webSearchesAreInTheCost() {
        Message answer = claude.messages().create(MessageRequest.builder().addUserMessage("search me")
                .addTool(ServerTool.webSearch()).build());

        ClaudeCallEvent call = log.calls().get(0);
        assertEquals(1, answer.usage().serverToolUse().webSearchRequests());
        // claude-sonnet-4-6's tokens, and one search at $10 per 1,000 (the compiled catalogue's serverToolPrices)
        double expected = (answer.usage().inputTokens() * 3.0 + answer.usage().outputTokens() * 15.0) / 1_000_000 + 0.01;
        assertEquals(expected, call.estimatedCostUsd(), 1e-12);
    }

    @Test
    void aRetriedCallReportsEachFailedAttemptAndItsWait() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(60), Fault.overloaded());

        retrying.ask("retry me");

        ClaudeCallEvent call = log.calls().get(0);
        assertEquals(3, call.attempts());
        assertEquals("rate_limit_error", call.failedAttempts().get(0).outcome());
        assertEquals(429, call.failedAttempts().get(0).status());
        assertEquals(Duration.ofMillis(60), call.failedAttempts().get(0).waitAfter(), "the retry-after was honoured");
        assertEquals("overloaded_error", call.failedAttempts().get(1).outcome());
        assertTrue(call.totalWait().compareTo(Duration.ofMillis(60)) >= 0);
        assertTrue(call.duration().compareTo(call.totalWait()) >= 0);
        assertEquals("success", call.outcome());
    }

    @Test
    void aFailedCallReportsItsErrorClassAndRequestId() {
        simulator.enqueue(Fault.error(401, "authentication_error", "invalid x-api-key"));

        assertThrows(AuthenticationException.class, () -> claude.ask("x"));

        ClaudeCallEvent call = log.calls().get(0);
        assertEquals("authentication_error", call.outcome());
        assertInstanceOf(AuthenticationException.class, call.failure());
        assertTrue(call.requestId().orElseThrow().startsWith("req_"));
        assertEquals(1, call.attempts());
        assertEquals(null, call.estimatedCostUsd(), "nothing was billed");
    }

    @Test
    void aStreamReportsWhenItEndsWithItsUsage() {
        Message streamed = claude.messages().stream(MessageRequest.of("stream and count"), text -> {
        });

        ClaudeCallEvent call = log.calls().get(0);
        assertEquals("messages.stream", call.operation());
        assertEquals(streamed.usage().outputTokens(), call.usage().outputTokens(), "from message_delta");
        assertEquals(streamed.usage().inputTokens(), call.usage().inputTokens(), "from message_start");
        assertTrue(call.estimatedCostUsd() > 0);
    }
}
