package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Only a named client is injected, and it lacks a key: the message names its own property. The default client is not
 * injected, so its missing key is no reason to fail.
 */
class MissingNamedApiKeyFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesNamedClaude.class))
            .overrideConfigKey("quarkus.claude.\"summaries\".model", "claude-haiku-4-5")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .assertException(failure -> {
                Throwable cause = MissingApiKeyFailsStartupTest.rootConfigurationException(failure);
                assertTrue(cause.getMessage().contains("quarkus.claude.\"summaries\".api-key"), cause.getMessage());
                assertFalse(cause.getMessage().contains("default Claude client"), cause.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start without an API key for the named client");
    }

    @ApplicationScoped
    static class UsesNamedClaude {
        @Inject
        @ClaudeClientName("summaries")
        ClaudeClient summaries;
    }
}
