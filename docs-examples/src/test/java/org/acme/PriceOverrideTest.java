package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The Observability page: the estimated cost follows the prices the application sets. */
@QuarkusTest
@TestProfile(PriceOverrideTest.Profile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class PriceOverrideTest {

    /** Exactly the page's two blocks: the price override, and proactive throttling turned off. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PageConfig.of("observability-prices", "observability-throttling");
        }
    }

    @Inject
    ClaudeClient claude;

    @Inject
    CallStore store;

    @Test
    void theCostIsReckonedAtTheConfiguredPrices() throws Exception {
        int before = store.saved().size();

        claude.ask("What does this cost?");

        for (int i = 0; i < 200 && store.saved().size() <= before; i++) {
            Thread.sleep(25); // CallAudit stores the event asynchronously
        }
        ClaudeCallEvent call = store.saved().get(before);
        Usage usage = call.usage();
        double expected = (usage.inputTokens() * 2.5 + usage.outputTokens() * 12.5) / 1_000_000;
        assertEquals(expected, call.estimatedCostUsd(), 1e-12);
    }
}
