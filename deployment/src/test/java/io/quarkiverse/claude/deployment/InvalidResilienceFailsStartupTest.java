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

/** An out-of-range resilience setting fails startup, naming the property, instead of the first call. */
class InvalidResilienceFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesClaude.class))
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-test")
            .overrideConfigKey("quarkus.claude.\"named\".api-key", "sk-ant-api03-test")
            .overrideConfigKey("quarkus.claude.\"named\".resilience.overloaded.jitter", "1.5")
            .assertException(failure -> {
                Throwable cause = MissingApiKeyFailsStartupTest.rootConfigurationException(failure);
                assertTrue(cause.getMessage().contains("quarkus.claude.\"named\".resilience.overloaded.jitter=1.5"),
                        cause.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start with a jitter above 1");
    }

    @ApplicationScoped
    static class UsesClaude {
        @Inject
        @ClaudeClientName("named")
        ClaudeClient claude;
    }
}
