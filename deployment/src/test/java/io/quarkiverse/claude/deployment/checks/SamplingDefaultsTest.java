package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The configured temperature / top-p / top-k go into a request that sets none of them, and never into one that sets
 * any (so a configured temperature is not mixed with a request's top_p).
 */
class SamplingDefaultsTest {

    static final String BASE_URL = SharedSimulator.baseUrl(SamplingDefaultsTest.class, ClaudeSimulator::start);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(SharedSimulator.class))
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideConfigKey("quarkus.claude.temperature", "0.3")
            .overrideConfigKey("quarkus.claude.top-k", "20")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL);

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(SamplingDefaultsTest.class);
    }

    @Test
    void appliedWhenTheRequestSetsNone() {
        claude.messages().create(MessageRequest.of("Hello"));
        JsonNode sent = lastMessage();
        assertEquals(0.3, sent.get("temperature").asDouble());
        assertEquals(20, sent.get("top_k").asInt());
        assertFalse(sent.has("top_p"));
    }

    @Test
    void notMixedWithTheRequestsOwnChoice() {
        claude.messages().create(MessageRequest.builder().addUserMessage("Hello").topP(0.9).build());
        JsonNode sent = lastMessage();
        assertEquals(0.9, sent.get("top_p").asDouble());
        assertFalse(sent.has("temperature"));
        assertFalse(sent.has("top_k"));
    }

    private static JsonNode lastMessage() {
        List<JsonNode> bodies = SharedSimulator.bodies(SamplingDefaultsTest.class, "/v1/messages");
        return bodies.get(bodies.size() - 1);
    }
}
