package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Error classes page: what an API exception carries can be read off any error answer, JSON or not. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class ErrorsPageTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @ParameterizedTest
    @ValueSource(strings = { "spend limit", "proxy page" })
    void everyAccessorOfTheExampleAnswers(String answer) {
        simulator.reset().enqueue(answer.equals("spend limit") ? Fault.spendLimitReached()
                : Fault.html(403, "<html><body>Forbidden by the proxy</body></html>"));

        try {
            claude.ask("…");
        } catch (ClaudeApiException e) {
            e.status();          // 429
            e.errorType();       // "rate_limit_error", as sent
            e.errorMessage();    // error.message, as sent
            e.requestId();       // body's request_id, else the request-id header
            e.retryAfter();      // retry-after-ms, else retry-after in seconds or as an HTTP date
            e.shouldRetry();     // the x-should-retry header, when sent
            e.rateLimits();      // anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}
            e.body();            // the raw body
            e.error().errorCode(); // error.details.error_code
            e.isRetryable();
        }

        assertEquals(1, simulator.requests("/v1/messages").size()); // caught, after one request: neither is retried
    }

    @ParameterizedTest
    @ValueSource(strings = { "spend limit", "proxy page" })
    void theAccessorsSayWhatTheCommentsSay(String answer) {
        simulator.reset().enqueue(answer.equals("spend limit") ? Fault.spendLimitReached()
                : Fault.html(403, "<html><body>Forbidden by the proxy</body></html>"));

        ClaudeApiException e = assertThrows(ClaudeApiException.class, () -> claude.ask("…"));

        if (answer.equals("spend limit")) {
            assertEquals(429, e.status());
            assertEquals("rate_limit_error", e.errorType());
            assertEquals("enforced_spend_limit_reached", e.error().errorCode());
            assertFalse(e.isRetryable());
            assertTrue(e.requestId().isPresent());
        } else {
            assertEquals(403, e.status());
            assertTrue(e.body().contains("Forbidden by the proxy"));
        }
    }
}
