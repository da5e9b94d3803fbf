package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SimulatorOptions#requestsPerMinute(int)}: a request budget enforced like the API's rate limiter. */
class SimulatorRequestBudgetTest {

    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofMillis(1000);

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator(SimulatorOptions.defaults()
            .requestsPerMinute(LIMIT).rateLimitWindow(WINDOW));

    private static final String MESSAGE = Http.message("claude-opus-4-8", 100, "one two three");
    private static final String COUNT = "{\"model\":\"claude-opus-4-8\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + r.headers()));
    }

    private static String remaining(HttpResponse<?> r) {
        return header(r, "anthropic-ratelimit-requests-remaining");
    }

    private static Instant reset(HttpResponse<?> r) {
        // RFC 3339
        return OffsetDateTime.parse(header(r, "anthropic-ratelimit-requests-reset")).toInstant();
    }

    @Test
    void headersCountDownThenTheNextRequestIsRefusedUntilTheWindowCloses() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> first = running.http().post("/v1/messages", MESSAGE);
        Instant reset = reset(first);
        assertTrue(!reset.isBefore(before.plus(WINDOW).minusMillis(1)) && !reset.isAfter(Instant.now().plus(WINDOW)),
                "the window closes a window after the first request: " + reset);
        assertEquals("4", remaining(first));
        assertEquals("5", header(first, "anthropic-ratelimit-requests-limit"));
        for (int left = 3; left >= 0; left--) {
            HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);
            assertEquals(200, r.statusCode());
            assertEquals(Integer.toString(left), remaining(r));
            assertEquals(reset, reset(r), "one window");
        }

        for (int i = 0; i < 3; i++) {
            Instant now = Instant.now();
            HttpResponse<String> refused = running.http().post("/v1/messages", MESSAGE);
            SimulatorApiTest.assertError(refused, 429, "rate_limit_error", null);
            assertTrue(refused.body().contains("5 requests per 1000 ms"), refused.body());
            long waitMillis = Duration.between(now, reset).toMillis();
            assertEquals(Long.toString(Math.max(1, (waitMillis + 999) / 1000)), header(refused, "retry-after"));
            assertEquals("0", remaining(refused));
            assertEquals(reset, reset(refused));
            assertTrue(refused.headers().firstValue("retry-after-ms").isEmpty(), "the API sends none");
        }

        long wait = Duration.between(Instant.now(), reset).toMillis();
        if (wait > 0) {
            Thread.sleep(wait + 5);
        }
        HttpResponse<String> refilled = running.http().post("/v1/messages", MESSAGE);
        assertEquals(200, refilled.statusCode(), refilled.body());
        assertEquals("4", remaining(refilled), "a whole budget again: the refused requests took nothing");
        assertTrue(reset(refilled).isAfter(reset));

        SimulatorStats stats = running.sim().stats();
        assertEquals(6, stats.count(200));
        assertEquals(3, stats.count(429));
    }

    @Test
    void retryAfterIsTheSecondsUntilTheWindowClosesRoundedUp() throws Exception {
        try (ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults().requestsPerMinute(1)
                .rateLimitWindow(Duration.ofSeconds(3)))) {
            Http http = new Http(sim);
            HttpResponse<String> first = http.post("/v1/messages", MESSAGE);
            assertEquals("0", remaining(first));
            Instant now = Instant.now();
            HttpResponse<String> refused = http.post("/v1/messages", MESSAGE);
            assertEquals(429, refused.statusCode());
            long expected = (Duration.between(now, reset(first)).toMillis() + 999) / 1000;
            assertEquals(Long.toString(expected), header(refused, "retry-after"));
            assertEquals("3", header(refused, "retry-after"), "under a second after the window opened");

            // raised while running: the refused request took nothing, so there is exactly one more now
            sim.requestsPerMinute(2);
            HttpResponse<String> admitted = http.post("/v1/messages", MESSAGE);
            assertEquals(200, admitted.statusCode());
            assertEquals("0", remaining(admitted));
            assertEquals("2", header(admitted, "anthropic-ratelimit-requests-limit"));
            assertEquals(429, http.post("/v1/messages", MESSAGE).statusCode());

            sim.requestsPerMinute(0);
            HttpResponse<String> unlimited = http.post("/v1/messages", MESSAGE);
            assertEquals(200, unlimited.statusCode());
            assertEquals(Long.toString(RateLimits.REQUESTS_LIMIT), header(unlimited, "anthropic-ratelimit-requests-limit"));

            sim.reset();
            HttpResponse<String> afterReset = http.post("/v1/messages", MESSAGE);
            assertEquals("1", header(afterReset, "anthropic-ratelimit-requests-limit"), "the start's budget, whole");
            assertEquals("0", remaining(afterReset));
        }
    }

    @Test
    void onlyMessagesAreLimited() throws Exception {
        for (int i = 0; i < LIMIT + 2; i++) {
            HttpResponse<String> r = running.http().post("/v1/messages/count_tokens", COUNT);
            assertEquals(200, r.statusCode());
            assertEquals(Long.toString(RateLimits.REQUESTS_LIMIT), header(r, "anthropic-ratelimit-requests-limit"));
            assertEquals(200, running.http().get("/v1/models").statusCode());
        }
        assertEquals("4", remaining(running.http().post("/v1/messages", MESSAGE)));
    }

    @Test
    void scriptedFaultsTakeNothingButShowTheBudget() throws Exception {
        running.sim().enqueue(Fault.overloaded());
        HttpResponse<String> overloaded = running.http().post("/v1/messages", MESSAGE);
        assertEquals(529, overloaded.statusCode());
        assertEquals("5", remaining(overloaded), "a whole budget");

        assertEquals("4", remaining(running.http().post("/v1/messages", MESSAGE)));
        running.sim().enqueue(Fault.rateLimited());
        HttpResponse<String> scripted = running.http().post("/v1/messages", MESSAGE);
        assertEquals("4", remaining(scripted));
        assertEquals("1", header(scripted, "retry-after"), "the fault's own header");
    }

    @Test
    void requestsTheApiRefusesCountAndScenarioFaultsToo() throws Exception {
        assertEquals(401, running.http().send("POST", "/v1/messages", MESSAGE, java.util.Map.of()).statusCode());
        running.sim().scenario(Scenario.builder().faultRate(529, 1).build());
        HttpResponse<String> overloaded = running.http().post("/v1/messages", MESSAGE);
        assertEquals(529, overloaded.statusCode());
        assertEquals("3", remaining(overloaded));
    }

    @Test
    void optionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults().requestsPerMinute(-1));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults().rateLimitWindow(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> running.sim().requestsPerMinute(-1));
    }
}
