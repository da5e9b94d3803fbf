package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertNotContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With anthropic-version 2026-10-21, configured sampling defaults fail the build; every problem of every client is
 * listed in one failure. A client on 2023-06-01 may keep its temperature.
 */
class SamplingWithNewVersionFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.anthropic-version", "2026-10-21")
            .overrideConfigKey("quarkus.claude.temperature", "0.7")
            .overrideConfigKey("quarkus.claude.\"fast\".anthropic-version", "2026-10-21")
            .overrideConfigKey("quarkus.claude.\"fast\".top-k", "5")
            .overrideConfigKey("quarkus.claude.\"old\".temperature", "0.2")
            .assertException(failure -> {
                String message = configurationMessage(failure);
                assertContains(message, "2 problems in the Claude configuration:",
                        "quarkus.claude.temperature=0.7 cannot be used with quarkus.claude.anthropic-version=2026-10-21:"
                                + " the API rejects temperature, top_p and top_k on that version with 400."
                                + " Remove quarkus.claude.temperature, or use anthropic-version 2023-06-01.",
                        "quarkus.claude.\"fast\".top-k=5 cannot be used with"
                                + " quarkus.claude.\"fast\".anthropic-version=2026-10-21");
                assertNotContains(message, "\"old\"");
            });

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
