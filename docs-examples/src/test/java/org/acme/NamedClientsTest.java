package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The named clients of the main page: their own model, and a value shared by an expression. */
@QuarkusTest
@TestProfile(NamedClientsTest.Profile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class NamedClientsTest {

    /**
     * The main page's two blocks, then what the Testing page tells a test to add for a named client: its key and
     * endpoint pointed at the default client's, which the test resource sets (so that no test calls the real API).
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = PageConfig.of("index-named-client", "index-shared-value");
            config.put("quarkus.claude.\"fast\".api-key", "${quarkus.claude.api-key}");
            config.put("quarkus.claude.\"fast\".base-url", "${quarkus.claude.base-url}");
            return config;
        }
    }

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    @ClaudeClientName("fast")
    ClaudeClient fast;

    @Inject
    ClaudeClients clients;   // programmatic: clients.named("fast"), clients.defaultClient()

    @Test
    void theNamedClientHasItsOwnModelAndMaxTokens() {
        simulator.reset();

        assertEquals("claude-haiku-4-5", fast.messages().create(MessageRequest.of("hi"))
                .model());
        assertTrue(simulator.lastRequest().body().contains("\"max_tokens\":256"), simulator.lastRequest().body());
        assertEquals("claude-haiku-4-5", clients.named("fast").messages().create(MessageRequest.of("hi")).model());
        assertEquals("claude-sonnet-4-6", clients.defaultClient().messages()
                .create(MessageRequest.of("hi")).model());
    }

    @Test
    void theSharedRetryBudgetAppliesToBothClients() {
        simulator.reset().enqueue(Fault.error(429, "rate_limit_error", "Slow down")); // no retry-after: no hold
        simulator.enqueue(Fault.error(429, "rate_limit_error", "Slow down"));

        assertThrows(RateLimitException.class, () -> fast.ask("hi"));
        assertThrows(RateLimitException.class, () -> clients.defaultClient().ask("hi"));
        assertEquals(2, simulator.requests("/v1/messages").size()); // one attempt each: max-retries=0 for both
    }
}
