package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An injected named client with no property at all and no {@code ANTHROPIC_API_KEY}: its defaults are checked at
 * startup like any client's, and the message names its own key property and the variable.
 */
class UnconfiguredNamedClientWithoutKeyFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesBareClient.class))
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .assertException(failure -> {
                Throwable cause = MissingApiKeyFailsStartupTest.rootConfigurationException(failure);
                assertTrue(cause.getMessage().startsWith("No API key for the Claude client \"bare\": set"
                        + " quarkus.claude.\"bare\".api-key"), cause.getMessage());
                assertTrue(cause.getMessage().contains("ANTHROPIC_API_KEY environment variable"), cause.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start without an API key for the named client");
    }

    @ApplicationScoped
    static class UsesBareClient {
        @Inject
        @ClaudeClientName("bare")
        ClaudeClient bare;
    }
}
