package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.deployment.checks.SharedSimulator;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The documented rule: a named client takes nothing from the default client's {@code quarkus.claude.*} settings; each
 * of its settings is its own, or the documented default.
 */
class NamedClientsInheritNothingTest {

    static final String BASE_URL = SharedSimulator.baseUrl(NamedClientsInheritNothingTest.class,
            ClaudeSimulator::start);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(SharedSimulator.class))
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6")
            .overrideConfigKey("quarkus.claude.max-tokens", "100")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.resilience.rate-limit.max-retries", "0")
            // only what it must have to reach the simulator
            .overrideRuntimeConfigKey("quarkus.claude.\"other\".api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"other\".base-url", BASE_URL)
            // shares the default client's setting, as the documentation shows, with an expression
            .overrideRuntimeConfigKey("quarkus.claude.\"sharing\".api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"sharing\".base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.claude.\"sharing\".resilience.rate-limit.max-retries",
                    "${quarkus.claude.resilience.rate-limit.max-retries}");

    static final MessageRequest WITH_MODEL = MessageRequest.builder().model("claude-haiku-4-5").addUserMessage("hi")
            .build();

    @Inject
    ClaudeClient claude;

    @Inject
    ClaudeClients clients;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(NamedClientsInheritNothingTest.class);
    }

    @Test
    void theDefaultClientsRetrySettingsDoNotApplyToANamedClient() {
        int sent = sent();
        rateLimited();
        assertThrows(RateLimitException.class, () -> claude.messages().create(WITH_MODEL));
        assertEquals(sent + 1, sent(), "the default client does not retry a 429 (max-retries=0)");

        rateLimited();
        assertTrue(clients.named("other").messages().create(WITH_MODEL).text().startsWith("Echo:"));
        assertEquals(sent + 3, sent(), "the named client retried its 429: its own rate-limit.max-retries, 4");
    }

    @Test
    void anExpressionSharesASettingOfTheDefaultClient() {
        int sent = sent();
        rateLimited();
        assertThrows(RateLimitException.class, () -> clients.named("sharing").messages().create(WITH_MODEL));
        assertEquals(sent + 1, sent(), "max-retries=0, as the default client's");
    }

    @Test
    void theDefaultClientsModelAndMaxTokensDoNotApplyToANamedClient() {
        ClaudeClient other = clients.named("other");
        assertThrows(InvalidRequestException.class, () -> other.ask("hi"), "no model of its own");

        other.messages().create(WITH_MODEL);
        List<JsonNode> bodies = SharedSimulator.bodies(NamedClientsInheritNothingTest.class, "/v1/messages");
        assertEquals(1024, bodies.get(bodies.size() - 1).get("max_tokens").asInt(), "its own default, not 100");
    }

    private static int sent() {
        return SharedSimulator.rawBodies(NamedClientsInheritNothingTest.class, "/v1/messages").size();
    }

    private static void rateLimited() {
        SharedSimulator.enqueue(NamedClientsInheritNothingTest.class, 429, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Rate limited\"}}",
                Map.of("retry-after-ms", "10"));
    }
}
