package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A misspelt model of a named client fails the build, suggesting the closest ids. */
class UnknownModelFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.\"writer\".model", "claude-sonet-4-6")
            .assertException(failure -> assertContains(configurationMessage(failure),
                    "quarkus.claude.\"writer\".model=claude-sonet-4-6 is not a Claude model this extension knows",
                    "Did you mean claude-sonnet-4-6, ",
                    "quarkus.claude.extra-models=claude-sonet-4-6", "quarkus.claude.model-check=warn"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
