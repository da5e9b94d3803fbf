package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With verify-on-startup on a named client, a model the API does not serve (404) fails startup with the typed error.
 * The model passes the build as an extra model, as a model newer than the catalogue would.
 */
class VerifyOnStartupUnknownModelTest {

    static final String BASE_URL = SharedSimulator.baseUrl(VerifyOnStartupUnknownModelTest.class,
            ClaudeSimulator::start);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesWriter.class))
            .overrideConfigKey("quarkus.claude.extra-models", "claude-future-9")
            .overrideConfigKey("quarkus.claude.\"writer\".model", "claude-future-9")
            .overrideConfigKey("quarkus.claude.\"writer\".verify-on-startup", "true")
            .overrideRuntimeConfigKey("quarkus.claude.\"writer\".api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"writer\".base-url", BASE_URL)
            .assertException(failure -> {
                assertContains(VerifyFailures.find(failure, NotFoundException.class).getMessage(), "404 not_found_error");
                assertContains(configurationMessage(failure), "quarkus.claude.\"writer\".verify-on-startup:"
                        + " quarkus.claude.\"writer\".model=claude-future-9 is unknown to the API or not available to"
                        + " this key (404 not_found_error)");
            });

    @AfterAll
    static void stop() {
        SharedSimulator.stop(VerifyOnStartupUnknownModelTest.class);
    }

    @Test
    void startupFails() {
        fail("the application must not start with a model the API does not serve");
    }

    @ApplicationScoped
    static class UsesWriter {
        @Inject
        @ClaudeClientName("writer")
        ClaudeClient writer;
    }
}
