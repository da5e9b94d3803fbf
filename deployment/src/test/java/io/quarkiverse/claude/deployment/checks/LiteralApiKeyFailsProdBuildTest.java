package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertNotContains;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * A production build (launch mode NORMAL) with a literal key in application.properties fails, telling to use the
 * environment variable; the key itself is not shown. The other modes and the override are covered by
 * {@link ApiKeyCheckTest}.
 */
class LiteralApiKeyFailsProdBuildTest {

    static final String KEY = "sk-ant-api03-packaged-9c1f0e";

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("literal-key")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.claude.api-key", KEY)
            .assertBuildException(failure -> {
                StringBuilder chain = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    chain.append(t.getMessage()).append('\n');
                }
                String messages = chain.toString();
                assertContains(messages, "quarkus.claude.api-key holds a literal API key in",
                        "application.properties", "a key in a jar or an image is a leaked key",
                        "Use quarkus.claude.api-key=${ANTHROPIC_API_KEY} and set the ANTHROPIC_API_KEY environment"
                                + " variable",
                        "quarkus.claude.allow-literal-api-key=true");
                assertNotContains(messages, KEY, "packaged-9c1f0e");
            });

    @Test
    void buildFails() {
        // never runs: QuarkusProdModeTest skips the tests of a build expected to fail, and fails if it does not
    }
}
