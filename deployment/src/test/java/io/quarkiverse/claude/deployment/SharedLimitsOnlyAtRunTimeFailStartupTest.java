package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Shared limits enabled only where the application runs (the build did not see it) in an application without the Redis
 * client: startup fails with what to do, instead of the client running without the sharing it was asked for.
 */
class SharedLimitsOnlyAtRunTimeFailStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesClaude.class))
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", "sk-ant-api03-test")
            .overrideRuntimeConfigKey("quarkus.claude.shared-limits.enabled", "true")
            .assertException(failure -> {
                Throwable cause = MissingApiKeyFailsStartupTest.rootConfigurationException(failure);
                assertTrue(cause.getMessage().contains("quarkus.claude.shared-limits.enabled is true"),
                        cause.getMessage());
                assertTrue(cause.getMessage().contains("io.quarkus:quarkus-redis-client"), cause.getMessage());
            });

    @Test
    void startupFails() {
        fail("startup must fail: the application has no Redis client");
    }

    @ApplicationScoped
    static class UsesClaude {
        @Inject
        ClaudeClient claude;
    }
}
