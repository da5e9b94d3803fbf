package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;

/** The official Java SDK against {@link Scenario}s and the request budget: their errors are the SDK's exceptions. */
class OfficialSdkScenarioTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator(SimulatorOptions.defaults().scenario(Scenario.rateLimited()));

    private static MessageCreateParams params(String text) {
        return MessageCreateParams.builder().model("claude-opus-4-8").maxTokens(256).addUserMessage(text).build();
    }

    @Test
    void rateLimitedScenarioIsARateLimitException() {
        int ok = 0;
        RateLimitException limited = null;
        for (int i = 0; i < 50 && limited == null; i++) {
            try {
                Message m = running.sdk().messages().create(params("call " + i));
                assertEquals("Echo: call " + i, m.content().get(0).asText().text());
                ok++;
            } catch (RateLimitException e) {
                limited = e;
            }
        }
        assertTrue(limited != null, "a 429 within 50 calls at 30%");
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limit_error", limited.type().orElseThrow().asString());
        assertEquals(List.of("1"), limited.headers().values("retry-after"));
        assertEquals(List.of("1000"), limited.headers().values("retry-after-ms"));
        assertTrue(limited.requestId().orElseThrow().startsWith("req_sim_"));
        assertEquals(ok + 1, running.sim().stats().total());
    }

    @Test
    void otherScenarioErrorsAreTheirExceptions() {
        running.sim().scenario(Scenario.builder().faultRate(529, 1).build());
        assertThrows(OverloadedException.class, () -> running.sdk().messages().create(params("x")));
        running.sim().scenario(Scenario.builder().faultRate(500, 1).latency(Duration.ofMillis(5), Duration.ofMillis(10)).build());
        assertThrows(InternalServerException.class, () -> running.sdk().messages().create(params("x")));
    }

    @Test
    void sdkRetriesScenarioFaultsAsToldByRetryAfterMs() {
        running.sim().scenario(Scenario.builder().faultRate(429, 0.5).retryAfter(Duration.ofMillis(5)).seed(1).build());
        AnthropicClient retrying = running.sdk().withOptions(o -> o.maxRetries(4)); // shares the client's resources
        for (int i = 0; i < 10; i++) {
            assertEquals("Echo: call " + i,
                    retrying.messages().create(params("call " + i)).content().get(0).asText().text());
        }
        assertEquals(10, running.sim().stats().count(200));
        assertTrue(running.sim().stats().count(429) > 0, running.sim().stats().toString());
    }

    @Test
    void budgetRefusalIsARateLimitException() {
        try (ClaudeSimulator limited = ClaudeSimulator.start(SimulatorOptions.defaults().requestsPerMinute(1))) {
            AnthropicClient c = AnthropicOkHttpClient.builder().baseUrl(limited.baseUrl())
                    .apiKey(ClaudeSimulator.DEFAULT_API_KEY).maxRetries(0).build();
            try {
                c.messages().create(params("first"));
                RateLimitException e = assertThrows(RateLimitException.class,
                        () -> c.messages().create(params("second")));
                assertEquals("rate_limit_error", e.type().orElseThrow().asString());
                assertEquals(List.of("60"), e.headers().values("retry-after"));
                assertEquals(List.of("0"), e.headers().values("anthropic-ratelimit-requests-remaining"));
            } finally {
                c.close();
            }
        }
    }
}
