package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

public class RetryingClientProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.claude.\"retrying\".api-key", "${quarkus.claude.api-key}",
                "quarkus.claude.\"retrying\".base-url", "${quarkus.claude.base-url}",
                "quarkus.claude.\"retrying\".model", "claude-haiku-4-5",
                "quarkus.claude.\"retrying\".resilience.overloaded.delay", "10ms");
    }
}

@QuarkusTest
@TestProfile(RetryingClientProfile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class RetryTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    @ClaudeClientName("retrying")
    ClaudeClient retrying;

    @Test
    void anOverloadedApiIsRetriedWithinMilliseconds() {
        simulator.reset().enqueue(Fault.overloaded());

        assertEquals("Echo: hi", retrying.ask("hi")); // the retry waited at most 10 ms, not 2 s
        assertEquals(2, simulator.requests("/v1/messages").size());
    }
}
