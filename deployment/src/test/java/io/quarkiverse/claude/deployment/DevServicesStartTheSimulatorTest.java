package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.QuarkusUnitTest;

/** No key, no base URL, nothing but a model: the simulator starts and the default client answers through it. */
class DevServicesStartTheSimulatorTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6");

    @Inject
    ClaudeClient claude;

    @Test
    void theDefaultClientTalksToTheSimulator() {
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.claude.base-url", String.class)
                .startsWith("http://127.0.0.1:"));
        assertEquals("Echo: hello simulator", claude.ask("hello simulator"));
    }
}
