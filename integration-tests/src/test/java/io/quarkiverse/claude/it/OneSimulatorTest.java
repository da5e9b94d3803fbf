package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A test as the testing page shows it, in this app whose key is an unset {@code ${ANTHROPIC_API_KEY}}: the test
 * resource's simulator is the only one. Dev Services provide no Claude settings (they started no simulator), and the
 * calls of the default client and of the named client {@code fast} (its base URL is
 * {@code ${quarkus.claude.base-url:...}} in application.properties) reach the test resource's simulator.
 */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
@QuarkusTestResource(DevServicesSeen.class)
class OneSimulatorTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("fast")
    ClaudeClient fast;

    @Test
    void devServicesStartNoSecondSimulator() {
        assertEquals(DevServicesSeen.NONE, ConfigProvider.getConfig().getValue(DevServicesSeen.PROPERTY, String.class));

        simulator.reset();
        assertEquals("Echo: only one", claude.ask("only one"));
        assertEquals("Echo: also here", fast.ask("also here"));
        assertEquals(2, simulator.requests("/v1/messages").size());
    }
}
