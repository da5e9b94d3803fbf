package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
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

    /** The fault matrix's client: 500 ms between stream events, so that a stalled stream fails quickly. */
    @Inject
    @ClaudeClientName("matrix")
    ClaudeClient matrix;


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
    void anAttemptThatGotAnAnswerNotTheApisReportsItsStatus() {
        simulator.enqueue(Fault.html(200, "<html><title>Sign in</title></html>"));

        assertThrows(UnexpectedResponseException.class, () -> claude.ask("behind a proxy"));

        assertEquals(List.of(new ClaudeCallEvent.Attempt("UnexpectedResponseException", 200, Duration.ZERO)),
                log.calls().get(0).failedAttempts(), "the proxy's 200, not 0 as for no answer at all");
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

    /** Streams that fail after their first event, which are never retried, and what the caller gets. */
    static Stream<Arguments> streamsFailingMidway() {
        return Stream.of(
                Arguments.of("an error event", Fault.streamError(1, "overloaded_error", "Overloaded"),
                        OverloadedException.class),
                Arguments.of("a stall past stream-idle-timeout", Fault.stallAfterFirstEvent(),
                        ClientTimeoutException.class),
                Arguments.of("an end without message_stop", Fault.truncatedStream(1), IncompleteStreamException.class),
                Arguments.of("a connection reset", Fault.resetDuringBody(), ClaudeConnectionException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamsFailingMidway")
    void aStreamThatFailsMidwayReportsItsAttempt(String name, Fault fault, Class<? extends Throwable> type) {
        simulator.enqueue(fault);

        Throwable failure = assertThrows(Throwable.class, () -> matrix.messages().stream(MessageRequest.of("a b c"))
                .collect().asList().await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(type, failure);
        assertEquals(1, simulator.requests("/v1/messages").size());
        ClaudeCallEvent call = log.calls().get(0);
        assertEquals(1, call.attempts(), "the simulator saw 1: " + call);
        assertEquals(List.of(new ClaudeCallEvent.Attempt(ClaudeCallEvent.outcomeOf(failure),
                failure instanceof OverloadedException ? 529 : 0, Duration.ZERO)), call.failedAttempts());
        assertEquals(failure, call.failure());
    }

    @Test
    void aRetriedStreamThatFailsMidwayReportsEveryAttempt() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(30), Fault.streamError(1, "overloaded_error", "Overloaded"));

        OverloadedException e = assertThrows(OverloadedException.class,
                () -> retrying.messages().streamEvents(MessageRequest.of("a b c")).toList());

        assertEquals(2, simulator.requests("/v1/messages").size());
        assertEquals(1, e.getSuppressed().length, "the earlier attempt's 429 rides along, as for any call");
        assertInstanceOf(RateLimitException.class, e.getSuppressed()[0]);
        ClaudeCallEvent call = log.calls().get(0);
        assertEquals(2, call.attempts(), "the simulator saw 2: " + call);
        assertEquals(List.of(new ClaudeCallEvent.Attempt("rate_limit_error", 429, Duration.ofMillis(30)),
                new ClaudeCallEvent.Attempt("overloaded_error", 529, Duration.ZERO)), call.failedAttempts());
    }

    @Test
    void aStreamThatKeepsEndingBeforeItsFirstEventReportsEveryAttempt() {
        simulator.always(Fault.body(200, "text/event-stream", ""));

        assertThrows(IncompleteStreamException.class, () -> retrying.messages().streamEvents(MessageRequest.of("x"))
                .toList());

        assertEquals(3, simulator.requests("/v1/messages").size(), "1 + connection.max-retries");
        ClaudeCallEvent call = log.calls().get(0);
        assertEquals(3, call.attempts(), "the simulator saw 3: " + call);
        assertEquals(List.of("IncompleteStreamException", "IncompleteStreamException", "IncompleteStreamException"),
                call.failedAttempts().stream().map(ClaudeCallEvent.Attempt::outcome).toList());
        assertTrue(call.failedAttempts().get(0).waitAfter().compareTo(Duration.ZERO) > 0, "the first was retried");
        assertEquals(Duration.ZERO, call.failedAttempts().get(2).waitAfter(), "the last was not");
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
