package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.BillingException;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ConflictException;
import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.PermissionException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.errors.ServerTimeoutException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every documented error class reaches the caller as its own exception type, with every field filled. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class ErrorClassesTest extends SimulatorTest {

    @Inject
    ClaudeClient claude;



    static Stream<Arguments> errorClasses() {
        return Stream.of(
                Arguments.of(400, "invalid_request_error", InvalidRequestException.class, false),
                Arguments.of(401, "authentication_error", AuthenticationException.class, false),
                Arguments.of(402, "billing_error", BillingException.class, false),
                Arguments.of(403, "permission_error", PermissionException.class, false),
                Arguments.of(404, "not_found_error", NotFoundException.class, false),
                Arguments.of(409, "conflict_error", ConflictException.class, true),
                Arguments.of(413, "request_too_large", RequestTooLargeException.class, false),
                Arguments.of(429, "rate_limit_error", RateLimitException.class, true),
                Arguments.of(500, "api_error", InternalServerException.class, true),
                Arguments.of(504, "timeout_error", ServerTimeoutException.class, true),
                Arguments.of(529, "overloaded_error", OverloadedException.class, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errorClasses")
    void eachErrorClassHasItsType(int status, String type, Class<? extends ClaudeApiException> expected,
            boolean retryable) {
        simulator.enqueue(Fault.error(status, type, "scripted " + type));

        ClaudeApiException e = assertThrows(expected, () -> claude.ask("hi"));

        assertEquals(expected, e.getClass());
        assertEquals(status, e.status());
        assertEquals(type, e.errorType());
        assertEquals("scripted " + type, e.errorMessage());
        assertTrue(e.requestId().orElseThrow().startsWith("req_"), "request id from the body");
        assertTrue(e.body().contains("\"request_id\""), e.body());
        assertEquals(retryable, e.isRetryable());
        assertTrue(e.getMessage().startsWith(status + " " + type + ": scripted " + type), e.getMessage());
        assertTrue(e.getMessage().contains(e.requestId().get()), "the message quotes the request id");
        assertTrue(e.rateLimits().isPresent(), "the rate-limit headers are parsed");
        assertEquals(1, simulator.requests("/v1/messages").size(), "one attempt, nothing retried yet");
    }

    @Test
    void authenticationErrorSaysWhereTheKeyComesFrom() {
        simulator.enqueue(Fault.error(401, "authentication_error", "invalid x-api-key"));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> claude.ask("hi"));

        assertTrue(e.getMessage().contains("quarkus.claude.api-key"), e.getMessage());
        assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(ClaudeSimulator.DEFAULT_API_KEY), "the key itself is never shown");
    }

    @Test
    void rateLimitCarriesRetryAfterInEveryForm() {
        simulator.enqueue(Fault.rateLimited().retryAfterSeconds(3), Fault.rateLimited().retryAfterMillis(1500));

        RateLimitException seconds = assertThrows(RateLimitException.class, () -> claude.ask("a"));
        RateLimitException millis = assertThrows(RateLimitException.class, () -> claude.ask("b"));

        assertEquals(Duration.ofSeconds(3), seconds.retryAfter().orElseThrow());
        assertEquals(Duration.ofMillis(1500), millis.retryAfter().orElseThrow(), "retry-after-ms wins");
        assertFalse(seconds.isSpendLimitReached());
        assertTrue(seconds.rateLimits().requests().limit() > 0);
    }

    @Test
    void spendCapIsDistinguishableAndNotRetryable() {
        simulator.enqueue(Fault.spendLimitReached());

        RateLimitException e = assertThrows(RateLimitException.class, () -> claude.ask("a"));

        assertTrue(e.isSpendLimitReached());
        assertFalse(e.isRetryable());
        assertTrue(e.retryAfter().isEmpty());
        assertEquals("enforced_spend_limit_reached", e.error().errorCode());
    }

    @Test
    void shouldRetryHeaderIsRead() {
        simulator.enqueue(Fault.overloaded().header("x-should-retry", "false"));

        OverloadedException e = assertThrows(OverloadedException.class, () -> claude.ask("a"));

        assertEquals(Boolean.FALSE, e.shouldRetry().orElseThrow());
    }

    @Test
    void htmlFromAProxyStillMapsByStatus() {
        simulator.enqueue(Fault.html(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"));

        ClaudeApiException e = assertThrows(ClaudeApiException.class, () -> claude.ask("a"));

        assertEquals(ClaudeApiException.class, e.getClass(), "no error class of the API has status 502");
        assertEquals(502, e.status());
        assertEquals(null, e.errorType());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        assertTrue(e.requestId().orElseThrow().startsWith("req_"), "the request-id header still counts");
        assertTrue(e.isRetryable());
    }

    @Test
    void htmlWithAKnownStatusGetsItsClass() {
        simulator.enqueue(Fault.html(529, "<html>busy</html>"), Fault.emptyBody(500));

        OverloadedException overloaded = assertThrows(OverloadedException.class, () -> claude.ask("a"));
        InternalServerException empty = assertThrows(InternalServerException.class, () -> claude.ask("b"));

        assertTrue(overloaded.getMessage().contains("<html>busy</html>"), overloaded.getMessage());
        assertTrue(empty.getMessage().contains("empty body"), empty.getMessage());
    }

    @Test
    void unknownErrorTypeAndStatusKeepWhatWasSent() {
        simulator.enqueue(Fault.error(418, "teapot_error", "short and stout"));

        ClaudeApiException e = assertThrows(ClaudeApiException.class, () -> claude.ask("a"));

        assertEquals(ClaudeApiException.class, e.getClass());
        assertEquals(418, e.status());
        assertEquals("teapot_error", e.errorType());
        assertEquals("short and stout", e.errorMessage());
    }

    @Test
    void asyncCallsFailWithTheSameTypes() {
        simulator.enqueue(Fault.overloaded());

        Throwable failure = assertThrows(Throwable.class,
                () -> claude.messages().createAsync(MessageRequest.of("a")).await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(OverloadedException.class, failure);
    }

    @Test
    void realValidationErrorsOfTheSimulatorAreTyped() {
        NotFoundException unknownModel = assertThrows(NotFoundException.class,
                () -> claude.messages().create(MessageRequest.builder().model("claude-nonexistent-9").maxTokens(10)
                        .addUserMessage("hi").build()));
        assertTrue(unknownModel.errorMessage().contains("claude-nonexistent-9"), unknownModel.errorMessage());

        assertThrows(NotFoundException.class, () -> claude.models().retrieve("claude-nonexistent-9"));
        ClaudeException empty = assertThrows(InvalidRequestException.class,
                () -> claude.messages().create(MessageRequest.builder().build()));
        assertFalse(empty.isRetryable());
    }
}
