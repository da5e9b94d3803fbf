package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** max-tokens above what the model can produce fails the build, naming the limit. */
class MaxTokensAboveModelFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5-20251001")
            .overrideConfigKey("quarkus.claude.max-tokens", "100000")
            .assertException(failure -> assertContains(configurationMessage(failure),
                    "quarkus.claude.max-tokens=100000 is above the 64000 output tokens claude-haiku-4-5-20251001 can"
                            + " produce: set quarkus.claude.max-tokens to 64000 or less."));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
