package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The README's configuration, {@code quarkus.claude.api-key=${ANTHROPIC_API_KEY}}, with no such variable: Dev Services
 * start the simulator, and its key wins over the expression that cannot be expanded.
 */
class DevServicesWinOverAnUnsetVariableTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", "${QUARKUS_CLAUDE_TEST_UNSET_VARIABLE}")
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6");

    @Inject
    ClaudeClient claude;

    @Test
    void theClientTalksToTheSimulator() {
        assertEquals("Echo: no key yet", claude.ask("no key yet"));
    }
}
