package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The Structured outputs page's retry block: an answer that breaks the schema is asked for once more; a cut never. */
@QuarkusTest
@TestProfile(StructuredOutputRetryTest.Profile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class StructuredOutputRetryTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PageConfig.of("structured-outputs-retry");
        }
    }

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    InvoiceDesk desk;

    @Test
    void aBrokenAnswerIsAskedForAgain() {
        simulator.reset().enqueue(Fault.schemaViolation());

        assertEquals(Optional.of(StructuredOutputsPageTest.SIMULATED), desk.readOrSkip("ACME Ltd"));
        assertEquals(2, simulator.requests("/v1/messages").size());
    }

    @Test
    void aRefusalIsNot() {
        simulator.reset().enqueue(Fault.refusal());

        assertEquals(Optional.empty(), desk.readOrSkip("ACME Ltd"));
        assertEquals(1, simulator.requests("/v1/messages").size());
    }
}
