package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertContains;
import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertNotContains;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * A production build (launch mode NORMAL) with a literal key in application.properties fails, telling to use the
 * environment variable; so does a literal default of an expression. The keys are not shown. The other modes, the
 * override and keys of other profiles are covered by {@link ApiKeyCheckTest}.
 */
class LiteralApiKeyFailsProdBuildTest {

    static final String KEY = "sk-ant-api03-packaged-9c1f0e";
    static final String FALLBACK_KEY = "sk-ant-api03-fallback-4d2a7b";

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("literal-key")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.claude.\"batch\".api-key", KEY)
            .overrideConfigKey("quarkus.claude.api-key", "${CLAUDE_KEY_NOT_SET_ANYWHERE:" + FALLBACK_KEY + "}")
            .assertBuildException(failure -> {
                StringBuilder chain = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    chain.append(t.getMessage()).append('\n');
                }
                String messages = chain.toString();
                assertContains(messages, "2 problems in the Claude configuration",
                        "quarkus.claude.api-key holds a literal API key as the default of an expression in",
                        "quarkus.claude.\"batch\".api-key holds a literal API key in",
                        "application.properties", "a key in a jar or an image is a leaked key",
                        "Use quarkus.claude.\"batch\".api-key=${ANTHROPIC_API_KEY} and set the ANTHROPIC_API_KEY"
                                + " environment variable",
                        "quarkus.claude.allow-literal-api-key=true");
                assertNotContains(messages, KEY, "packaged-9c1f0e", FALLBACK_KEY, "fallback-4d2a7b");
            });

    @Test
    void buildFails() {
        // never runs: QuarkusProdModeTest skips the tests of a build expected to fail, and fails if it does not
    }
}
