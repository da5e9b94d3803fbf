package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The Resilience page's 429 storm: an interactive endpoint caps the waits, a batch client allows more. */
@QuarkusTest
@TestProfile(RetryAfterCapTest.Profile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class RetryAfterCapTest {

    /** Exactly the page's two blocks (the client "batch" is not called: it shows how a named client sets its own). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PageConfig.of("resilience-interactive", "resilience-batch");
        }
    }

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @Test
    void aRetryAfterLongerThanTheCapFailsTheCallAtOnceSayingSo() {
        simulator.reset().enqueue(Fault.rateLimited().retryAfterSeconds(30));

        RateLimitException e = assertThrows(RateLimitException.class, () -> claude.ask("hi"));

        assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("max-retry-after"), e.getMessage());
        assertEquals(1, simulator.requests("/v1/messages").size()); // not waited, not retried early

        // the 429 holds the client's next calls too: one made within 10 s would wait longer than the cap, so it fails
        // at once as well, unsent (asserted in this test: the 30 s pause would refuse a later test's call)
        RateLimitException next = assertThrows(RateLimitException.class, () -> claude.ask("right after"));
        assertEquals(e.requestId(), next.requestId());
        assertTrue(next.getMessage().contains("The request was not sent")
                && next.getMessage().contains("rate-limit.max-retry-after (20 s)"), next.getMessage());
        assertEquals(1, simulator.requests("/v1/messages").size());
    }
}
