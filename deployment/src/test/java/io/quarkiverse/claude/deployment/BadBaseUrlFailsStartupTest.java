package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A base URL that is not an absolute http(s) URL, set only where the application runs (so the build cannot see it), fails
 * startup, naming the property and an example. The build-time check is {@code checks.BadBaseUrlFailsBuildTest}.
 */
class BadBaseUrlFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(MissingApiKeyFailsStartupTest.UsesClaude.class))
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-secret-for-base-url-test")
            .overrideRuntimeConfigKey("quarkus.claude.base-url", "api.anthropic.com")
            .assertException(failure -> {
                Throwable cause = MissingApiKeyFailsStartupTest.rootConfigurationException(failure);
                assertTrue(cause.getMessage().contains("quarkus.claude.base-url=api.anthropic.com"), cause.getMessage());
                assertTrue(cause.getMessage().contains("https://api.anthropic.com"), cause.getMessage());
                assertFalse(cause.getMessage().contains("sk-ant-api03-secret"), cause.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start with an unusable base URL");
    }
}
