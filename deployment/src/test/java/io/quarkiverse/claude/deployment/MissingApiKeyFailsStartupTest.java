package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/** No key anywhere: the application must not start, and the message must say how to set one. */
class MissingApiKeyFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesClaude.class))
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .assertException(failure -> {
                Throwable cause = rootConfigurationException(failure);
                assertTrue(cause.getMessage().contains("quarkus.claude.api-key"), cause.getMessage());
                assertTrue(cause.getMessage().contains("ANTHROPIC_API_KEY"), cause.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start without an API key");
    }

    static Throwable rootConfigurationException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException) {
                return t;
            }
        }
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append("\n -> ").append(t);
        }
        return fail("no ConfigurationException in" + chain);
    }

    @ApplicationScoped
    static class UsesClaude {
        @Inject
        ClaudeClient claude;
    }
}
