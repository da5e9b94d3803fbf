package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An anthropic-version the API does not know fails the build with the list of those it does. */
class UnsupportedVersionFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.anthropic-version", "2024-01-01")
            .assertException(failure -> assertContains(configurationMessage(failure),
                    "quarkus.claude.anthropic-version=2024-01-01 is not an anthropic-version the API accepts:"
                            + " use one of 2023-06-01, 2023-01-01, 2026-10-21"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
