package io.quarkiverse.claude.runtime.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.runtime.json.WireJson;

/** The cost estimate of calls in which the API ran its own tools: web searches are billed, web fetches are not. */
class CostEstimatorTest {

    private final CostEstimator estimator = new CostEstimator(Map.of());

    private static Usage usage(String serverToolUse) throws Exception {
        return WireJson.MAPPER.readValue("{\"input_tokens\":1000000,\"output_tokens\":100000"
                + (serverToolUse == null ? "" : ",\"server_tool_use\":" + serverToolUse) + "}", Usage.class);
    }

    @Test
    void webSearchesAreAddedAtTenDollarsPerThousand() throws Exception {
        // claude-sonnet-4-6: $3 per million input tokens, $15 per million output tokens
        double tokens = 3.0 + 1.5;

        assertEquals(tokens, estimator.estimate("claude-sonnet-4-6", usage(null), false), 1e-9);
        assertEquals(tokens + 0.03, estimator.estimate("claude-sonnet-4-6",
                usage("{\"web_search_requests\":3,\"web_fetch_requests\":0}"), false), 1e-9);
        assertEquals(tokens, estimator.estimate("claude-sonnet-4-6",
                usage("{\"web_search_requests\":0,\"web_fetch_requests\":5}"), false), 1e-9, "web fetch: tokens only");
    }

    @Test
    void theBatchDiscountIsOnTheTokensOnly() throws Exception {
        assertEquals((3.0 + 1.5) / 2 + 0.02, estimator.estimate("claude-sonnet-4-6",
                usage("{\"web_search_requests\":2,\"web_fetch_requests\":0}"), true), 1e-9);
    }
}
