package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The Resilience page's "In your own beans": the client makes one attempt, the annotations retry. */
@QuarkusTest
@TestProfile(ResiliencePolicyTest.Profile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class ResiliencePolicyTest {

    /** Exactly the page's properties block. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PageConfig.of("resilience-annotation");
        }
    }

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @Inject
    ResilientSummaries summaries;

    @Inject
    RetriedQuestions questions;

    @Test
    void theClientAloneMakesOneAttempt() {
        simulator.reset().enqueue(Fault.apiError());

        assertThrows(InternalServerException.class, () -> claude.ask("hi"));
        assertEquals(1, simulator.requests("/v1/messages").size());
    }

    @Test
    void theAnnotatedMethodsRetryWithTheRetryingClientsPolicy() {
        simulator.reset().enqueue(Fault.apiError());
        assertEquals("Echo: Summarize: a text", summaries.summarize("a text"));
        assertEquals(2, simulator.requests("/v1/messages").size());

        simulator.reset().enqueue(Fault.apiError());
        assertEquals("Echo: Summarize: another", summaries.summarizeAsync("another").await()
                .atMost(Duration.ofSeconds(10)));
        assertEquals(2, simulator.requests("/v1/messages").size());
    }

    @Test
    void microProfileRetryRetriesWhatItIsToldAndAbortsOnABadRequest() {
        simulator.reset().enqueue(Fault.overloaded());
        assertEquals("Echo: hi", questions.askWithRetry("hi"));
        assertEquals(2, simulator.requests("/v1/messages").size());

        simulator.reset().enqueue(Fault.error(400, "invalid_request_error", "max_tokens: too large"));
        assertThrows(InvalidRequestException.class, () -> questions.askWithRetry("hi"));
        assertEquals(1, simulator.requests("/v1/messages").size());
    }
}
