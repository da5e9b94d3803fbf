package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.deployment.checks.SharedSimulator;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.BulkheadFullException;
import io.quarkiverse.claude.errors.CircuitOpenException;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The failures of named clients tell which of their own properties to fix: {@code quarkus.claude."name".model}, never
 * the default client's {@code quarkus.claude.model}.
 */
class NamedClientMessagesTest {

    static final String BASE_URL = SharedSimulator.baseUrl(NamedClientMessagesTest.class, ClaudeSimulator::start);
    static final String KEY = ClaudeSimulator.DEFAULT_API_KEY;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(SharedSimulator.class))
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            // no model, a short read timeout
            .overrideRuntimeConfigKey("quarkus.claude.\"writer\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"writer\".base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.\"writer\".read-timeout", "300ms")
            .overrideRuntimeConfigKey("quarkus.claude.\"writer\".resilience.timeout.max-retries", "0")
            // a short attempt timeout
            .overrideRuntimeConfigKey("quarkus.claude.\"short\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"short\".base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.\"short\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"short\".resilience.attempt-timeout", "300ms")
            .overrideRuntimeConfigKey("quarkus.claude.\"short\".resilience.timeout.max-retries", "0")
            // nothing listens there
            .overrideRuntimeConfigKey("quarkus.claude.\"offline\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"offline\".base-url", "http://127.0.0.1:1")
            .overrideRuntimeConfigKey("quarkus.claude.\"offline\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"offline\".resilience.connection.max-retries", "0")
            // one call at a time
            .overrideRuntimeConfigKey("quarkus.claude.\"busy\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"busy\".base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.\"busy\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"busy\".resilience.bulkhead.max-concurrent", "1")
            .overrideRuntimeConfigKey("quarkus.claude.\"busy\".resilience.bulkhead.max-queued", "0")
            // a circuit that opens at the first 529
            .overrideRuntimeConfigKey("quarkus.claude.\"fragile\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"fragile\".base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.\"fragile\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"fragile\".resilience.overloaded.max-retries", "0")
            .overrideRuntimeConfigKey("quarkus.claude.\"fragile\".resilience.circuit-breaker.request-volume-threshold",
                    "1")
            .overrideRuntimeConfigKey("quarkus.claude.\"fragile\".resilience.circuit-breaker.failure-ratio", "1");

    @Inject
    ClaudeClients clients;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(NamedClientMessagesTest.class);
    }

    @Test
    void aRequestWithoutModelNamesTheClientsModel() {
        String message = failure(InvalidRequestException.class,
                () -> clients.named("writer").messages().create(MessageRequest.of("hi")));
        assertNames(message, "quarkus.claude.\"writer\".model", "quarkus.claude.model");
    }

    @Test
    void aRequestWithoutMaxTokensNamesTheClientsMaxTokens() {
        String message = failure(InvalidRequestException.class, () -> clients.named("writer").messages()
                .create(MessageRequest.builder().model("claude-haiku-4-5").maxTokens(0).addUserMessage("hi").build()));
        assertNames(message, "quarkus.claude.\"writer\".max-tokens", "quarkus.claude.max-tokens");
    }

    @Test
    void aRefusedKeyNamesTheClientsKey() {
        answer(401, "authentication_error", "invalid x-api-key");
        String message = failure(AuthenticationException.class, () -> ask("writer"));
        assertNames(message, "quarkus.claude.\"writer\".api-key", "quarkus.claude.api-key");
    }

    @Test
    void anUnknownModelNamesTheClientsModelAndBaseUrl() {
        answer(404, "not_found_error", "model: claude-haiku-9");
        String message = failure(NotFoundException.class, () -> ask("writer"));
        assertNames(message, "quarkus.claude.\"writer\".model", "quarkus.claude.model");
        assertNames(message, "quarkus.claude.\"writer\".base-url", "quarkus.claude.base-url");
    }

    @Test
    void aReadTimeoutNamesTheClientsReadTimeout() {
        SharedSimulator.enqueueDelay(NamedClientMessagesTest.class, Duration.ofSeconds(3));
        String message = failure(ClientTimeoutException.class, () -> ask("writer"));
        assertNames(message, "quarkus.claude.\"writer\".read-timeout", "quarkus.claude.read-timeout");
    }

    @Test
    void anAttemptTimeoutNamesTheClientsAttemptTimeout() {
        SharedSimulator.enqueueDelay(NamedClientMessagesTest.class, Duration.ofSeconds(3));
        String message = failure(ClientTimeoutException.class, () -> clients.named("short").ask("hi"));
        assertNames(message, "quarkus.claude.\"short\".resilience.attempt-timeout",
                "quarkus.claude.resilience.attempt-timeout");
    }

    @Test
    void aRefusedConnectionNamesTheClientsBaseUrl() {
        String message = failure(ClaudeConnectionException.class, () -> clients.named("offline").ask("hi"));
        assertNames(message, "quarkus.claude.\"offline\".base-url", "quarkus.claude.base-url");
    }

    @Test
    void aFullBulkheadNamesTheClientsBulkhead() throws Exception {
        ClaudeClient busy = clients.named("busy");
        int sent = SharedSimulator.rawBodies(NamedClientMessagesTest.class, "/v1/messages").size();
        SharedSimulator.enqueueDelay(NamedClientMessagesTest.class, Duration.ofSeconds(2));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> busy.ask("first"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (SharedSimulator.rawBodies(NamedClientMessagesTest.class, "/v1/messages").size() == sent
                && System.nanoTime() < until) { // until the first call holds the only place
            Thread.sleep(10);
        }
        String message = failure(BulkheadFullException.class, () -> busy.ask("second"));
        first.get(10, TimeUnit.SECONDS);
        assertNames(message, "quarkus.claude.\"busy\".resilience.bulkhead.max-concurrent",
                "quarkus.claude.resilience.bulkhead");
    }

    @Test
    void anOpenCircuitNamesTheClientsCircuitBreaker() {
        ClaudeClient fragile = clients.named("fragile");
        answer(529, "overloaded_error", "Overloaded");
        assertThrows(OverloadedException.class, () -> fragile.ask("hi"));
        String message = failure(CircuitOpenException.class, () -> fragile.ask("hi"));
        assertNames(message, "quarkus.claude.\"fragile\".resilience.circuit-breaker.*",
                "quarkus.claude.resilience.circuit-breaker");
    }

    private String ask(String client) {
        return clients.named(client).messages()
                .create(MessageRequest.builder().model("claude-haiku-4-5").addUserMessage("hi").build()).text();
    }

    private static void answer(int status, String type, String message) {
        SharedSimulator.enqueue(NamedClientMessagesTest.class, status, "application/json", "{\"type\":\"error\","
                + "\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}", Map.of());
    }

    private static String failure(Class<? extends ClaudeException> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static void assertNames(String message, String property, String notThis) {
        assertTrue(message.contains(property), message);
        assertFalse(message.contains(notThis), message);
    }
}
