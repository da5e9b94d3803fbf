package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/** With verify-on-startup, a good key and model start, after exactly one GET /v1/models/{model}. */
class VerifyOnStartupTest {

    static final String KEY = "sk-ant-api03-verify-good-key";
    static final String BASE_URL = SharedSimulator.baseUrl(VerifyOnStartupTest.class,
            () -> ClaudeSimulator.start(SimulatorOptions.defaults().apiKey(KEY)));

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(VerifyFailures.class, VerifyFailures.UsesClaude.class, SharedSimulator.class))
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideConfigKey("quarkus.claude.verify-on-startup", "true")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL);

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(VerifyOnStartupTest.class);
    }

    @Test
    void checkedOnceAtStartup() {
        assertEquals(1, SharedSimulator.bodies(VerifyOnStartupTest.class, "/v1/models/claude-haiku-4-5").size());
        assertEquals("<default>", claude.name());
    }
}
