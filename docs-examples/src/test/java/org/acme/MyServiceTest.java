package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class MyServiceTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @Test
    void aRateLimitIsWaitedOutAndRetried() {
        simulator.reset().enqueue(Fault.rateLimited().retryAfterSeconds(1));

        assertEquals("Echo: hi", claude.ask("hi")); // after the 1 s the server asked for
        assertEquals(2, simulator.requests("/v1/messages").size());
    }

    @Test
    void aRequestTheApiRefusesIsTyped() {
        simulator.reset().enqueue(Fault.error(400, "invalid_request_error", "max_tokens: too large"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> claude.ask("hi"));

        assertEquals(400, e.status());
        assertEquals(1, simulator.requests("/v1/messages").size()); // never retried
    }
}
