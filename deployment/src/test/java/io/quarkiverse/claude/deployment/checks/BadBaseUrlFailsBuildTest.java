package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.configurationMessage;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A base URL that is not an absolute http(s) URL fails the build, even for a client nothing injects. */
class BadBaseUrlFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.\"proxy\".base-url", "ftp://gateway.example.com")
            .assertException(failure -> assertContains(configurationMessage(failure),
                    "quarkus.claude.\"proxy\".base-url=ftp://gateway.example.com is not an absolute http(s) URL:"
                            + " use for example https://api.anthropic.com"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
