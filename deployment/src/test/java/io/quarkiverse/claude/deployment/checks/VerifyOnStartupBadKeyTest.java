package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertNotContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/** With verify-on-startup, a key the API refuses (401) fails startup with the typed error; the key is not shown. */
class VerifyOnStartupBadKeyTest {

    static final String WRONG_KEY = "sk-ant-api03-revoked-key-71c3e9";
    static final String BASE_URL = SharedSimulator.baseUrl(VerifyOnStartupBadKeyTest.class,
            () -> ClaudeSimulator.start(SimulatorOptions.defaults().apiKey("sk-ant-api03-the-right-key")));

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(VerifyFailures.class, VerifyFailures.UsesClaude.class))
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideConfigKey("quarkus.claude.verify-on-startup", "true")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", WRONG_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL)
            .assertException(failure -> {
                Throwable typed = VerifyFailures.find(failure, AuthenticationException.class);
                assertContains(typed.getMessage(), "401 authentication_error");
                String message = configurationMessage(failure);
                assertContains(message, "quarkus.claude.verify-on-startup: the API refused the key of the default"
                        + " Claude client (401 authentication_error). Set a valid key in quarkus.claude.api-key");
                assertNotContains(message, WRONG_KEY, "revoked-key");
                assertNotContains(typed.getMessage(), WRONG_KEY, "revoked-key");
            });

    @AfterAll
    static void stop() {
        SharedSimulator.stop(VerifyOnStartupBadKeyTest.class);
    }

    @Test
    void startupFails() {
        fail("the application must not start with a refused key");
    }
}
