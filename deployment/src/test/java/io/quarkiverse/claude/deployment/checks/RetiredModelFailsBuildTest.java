package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A retired model, named by a dated alias, fails the build with its retirement date and its replacement. */
class RetiredModelFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-20250514")
            .assertException(failure -> assertContains(configurationMessage(failure),
                    "quarkus.claude.model=claude-sonnet-4-20250514: Claude Sonnet 4 was retired on 2026-06-15",
                    "Use claude-sonnet-4-6 instead."));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
