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
 * Shared limits enabled for a named client in an application without quarkus-redis-client (it is not on this module's
 * test class path): the build fails and says which dependency to add.
 */
class SharedLimitsWithoutRedisFailBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesClaude.class))
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideConfigKey("quarkus.claude.\"replica\".api-key", "sk-ant-api03-test")
            .overrideConfigKey("quarkus.claude.\"replica\".shared-limits.enabled", "true")
            .assertException(failure -> {
                Throwable cause = MissingApiKeyFailsStartupTest.rootConfigurationException(failure);
                assertTrue(cause.getMessage().contains("quarkus.claude.\"replica\".shared-limits.enabled"),
                        cause.getMessage());
                assertTrue(cause.getMessage().contains("add the dependency io.quarkus:quarkus-redis-client"),
                        cause.getMessage());
            });

    @Test
    void buildFails() {
        fail("the build must fail: shared limits need quarkus-redis-client");
    }

    @ApplicationScoped
    static class UsesClaude {
        @Inject
        @ClaudeClientName("replica")
        ClaudeClient claude;
    }
}
