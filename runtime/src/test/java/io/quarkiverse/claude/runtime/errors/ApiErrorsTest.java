package io.quarkiverse.claude.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;

class ApiErrorsTest {

    private static ClaudeApiException map(int status, Map<String, String> headers, String body) {
        return ApiErrors.toException(ApiErrors.parse(status, headers::get, body), ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);
    }

    @Test
    void spendCapIsARateLimitThatIsNotRetryable() {
        ClaudeApiException e = map(429, Map.of("request-id", "req_h"), """
                {"type":"error","error":{"type":"rate_limit_error","message":"Spend limit reached",
                 "details":{"error_code":"enforced_spend_limit_reached"}},"request_id":"req_body"}""");

        RateLimitException rate = assertInstanceOf(RateLimitException.class, e);
        assertTrue(rate.isSpendLimitReached());
        assertFalse(rate.isRetryable());
        assertEquals("req_body", rate.requestId().orElseThrow(), "the body's request_id wins over the header");
        assertTrue(rate.getMessage().contains("spend limit"), rate.getMessage());
    }

    @Test
    void ordinaryRateLimitCarriesRetryAfterAndLimits() {
        ClaudeApiException e = map(429, Map.of("retry-after", "7", "request-id", "req_h",
                "anthropic-ratelimit-requests-limit", "50", "anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-25T13:00:00Z",
                "anthropic-ratelimit-tokens-remaining", "12000"),
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");

        RateLimitException rate = assertInstanceOf(RateLimitException.class, e);
        assertFalse(rate.isSpendLimitReached());
        assertTrue(rate.isRetryable());
        assertEquals(Duration.ofSeconds(7), rate.retryAfter().orElseThrow());
        assertEquals("req_h", rate.requestId().orElseThrow(), "falls back to the request-id header");
        assertEquals(50L, rate.rateLimits().requests().limit());
        assertEquals(0L, rate.rateLimits().requests().remaining());
        assertEquals(2026, rate.rateLimits().requests().reset().getYear());
        assertEquals(12000L, rate.rateLimits().tokens().remaining());
        assertNull(rate.rateLimits().outputTokens().remaining());
    }

    @Test
    void retryAfterMillisWinsAndHttpDatesAreUnderstood() {
        assertEquals(Duration.ofMillis(1500),
                ResponseHeaders.retryAfter(Map.of("retry-after-ms", "1500", "retry-after", "9")::get, null));
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30));
        assertEquals(Duration.ofSeconds(30), ResponseHeaders.retryAfter(Map.of("retry-after", date)::get, () -> now));
        assertNull(ResponseHeaders.retryAfter(Map.of("retry-after", "soon")::get, () -> now));
    }

    @Test
    void unusableRetryAfterIsTreatedAsAbsentSoThatTheBackoffApplies() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);
        for (String bad : new String[] { "-5", "-0.5", "soon", "NaN", "Infinity", "1e300", "999999999", "", " " }) {
            assertNull(ResponseHeaders.retryAfter(Map.of("retry-after", bad)::get, () -> now), "retry-after: " + bad);
            assertNull(ResponseHeaders.retryAfter(Map.of("retry-after-ms", bad)::get, () -> now),
                    "retry-after-ms: " + bad);
        }
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(30));
        assertNull(ResponseHeaders.retryAfter(Map.of("retry-after", past)::get, () -> now), "a date in the past");
        assertEquals(Duration.ofSeconds(3),
                ResponseHeaders.retryAfter(Map.of("retry-after-ms", "-1", "retry-after", "3")::get, () -> now),
                "a bad retry-after-ms falls back to retry-after");
        assertEquals(Duration.ZERO, ResponseHeaders.retryAfter(Map.of("retry-after", "0")::get, () -> now));
        assertEquals(Duration.ofHours(24), ResponseHeaders.retryAfter(Map.of("retry-after", "86400")::get, () -> now),
                "a day is the longest taken at its word");
        assertNull(ResponseHeaders.retryAfter(Map.of("retry-after", "86401")::get, () -> now));
    }

    @Test
    void errorTypeDecidesOverStatusAndUnknownsKeepWhatWasSent() {
        assertInstanceOf(OverloadedException.class,
                map(500, Map.of(), "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}"));
        ClaudeApiException unknown = map(418, Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"teapot_error\",\"message\":\"short and stout\"}}");
        assertEquals(ClaudeApiException.class, unknown.getClass());
        assertEquals(418, unknown.status());
        assertEquals("teapot_error", unknown.errorType());
        assertFalse(unknown.isRetryable());
    }

    @Test
    void htmlFromAProxyMapsByStatusWithTheStartOfTheBody() {
        ClaudeApiException e = map(502, Map.of(), "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertEquals(ClaudeApiException.class, e.getClass());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        assertNull(e.errorType());

        ClaudeApiException html500 = map(500, Map.of(), "<html>oops</html>");
        assertInstanceOf(InternalServerException.class, html500);
        assertEquals("<html>oops</html>", html500.body());
        assertTrue(map(503, Map.of(), "").getMessage().contains("empty body"));
    }
}
