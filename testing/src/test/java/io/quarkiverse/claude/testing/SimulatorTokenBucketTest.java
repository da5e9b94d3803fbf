package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SimulatorOptions#tokenBucket(double, int)}: the API's token-bucket rate limiter. */
class SimulatorTokenBucketTest {

    /** Slow enough that the few milliseconds between two requests never add a whole token. */
    private static final double RATE = 2;
    private static final int BURST = 5;

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator(SimulatorOptions.defaults().tokenBucket(RATE, BURST));

    private static final String MESSAGE = Http.message("claude-opus-4-8", 100, "one two three");
    private static final String COUNT = "{\"model\":\"claude-opus-4-8\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + r.headers()));
    }

    private static int remaining(HttpResponse<?> r) {
        return Integer.parseInt(header(r, "anthropic-ratelimit-requests-remaining"));
    }

    private static Instant reset(HttpResponse<?> r) {
        return OffsetDateTime.parse(header(r, "anthropic-ratelimit-requests-reset")).toInstant(); // RFC 3339
    }

    @Test
    void admitsTheBurstAtOnceWithHeadersThenRefusesWithoutTakingATokenUntilOneIsBack() throws Exception {
        for (int left = BURST - 1; left >= 0; left--) {
            Instant before = Instant.now();
            HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);
            Instant after = Instant.now();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(Integer.toString(BURST), header(r, "anthropic-ratelimit-requests-limit"));
            assertEquals(left, remaining(r), "tokens left, rounded down");
            // full again when the tokens taken are back: (BURST - left) / RATE seconds from now, give or take the
            // fraction of a token refilled since the first request
            long toFull = (long) ((BURST - left) / RATE * 1000);
            Instant reset = reset(r);
            assertTrue(!reset.isBefore(before.plusMillis(toFull - 100)) && !reset.isAfter(after.plusMillis(toFull + 1)),
                    "reset " + reset + " is about " + toFull + " ms after " + before);
        }
        HttpResponse<String> refused = null;
        for (int i = 0; i < 3; i++) {
            refused = running.http().post("/v1/messages", MESSAGE);
            SimulatorApiTest.assertError(refused, 429, "rate_limit_error", null);
            assertTrue(refused.body().contains("2 requests per second (burst 5)"), refused.body());
            assertEquals("1", header(refused, "retry-after"), "half a second to the next token, rounded up");
            assertTrue(refused.headers().firstValue("retry-after-ms").isEmpty(), "the API sends none");
            assertEquals(0, remaining(refused));
            assertEquals(Integer.toString(BURST), header(refused, "anthropic-ratelimit-requests-limit"));
        }
        // the refused requests took nothing: once the bucket is full again, it admits a whole burst
        long wait = Duration.between(Instant.now(), reset(refused)).toMillis();
        Thread.sleep(Math.max(0, wait) + 5);
        HttpResponse<String> full = running.http().post("/v1/messages", MESSAGE);
        assertEquals(200, full.statusCode());
        assertEquals(BURST - 1, remaining(full));

        SimulatorStats stats = running.sim().stats();
        assertEquals(BURST + 1, stats.count(200));
        assertEquals(3, stats.count(429));
    }

    @Test
    void aFullBucketResetsNow() throws Exception {
        running.sim().enqueue(Fault.overloaded());
        Instant before = Instant.now();
        HttpResponse<String> scripted = running.http().post("/v1/messages", MESSAGE);
        assertEquals(529, scripted.statusCode());
        assertEquals(BURST, remaining(scripted), "a scripted fault takes no token, but shows the bucket");
        Instant reset = reset(scripted);
        assertTrue(!reset.isBefore(before.minusMillis(1)) && !reset.isAfter(Instant.now().plusMillis(1)),
                "full now: " + reset);
    }

    @Test
    void admitsTheBurstThenAboutTheRatePerSecond() throws Exception {
        try (ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults().tokenBucket(10, 5))) {
            Http http = new Http(sim);
            // 50 requests a second for 2 s: the burst of 5 at once, then 10 a second, so about 5 + 20
            long start = System.nanoTime();
            int admitted = 0;
            int refused = 0;
            for (int i = 0; i < 100; i++) {
                long due = start + i * 20_000_000L;
                long sleep = due - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
                int status = http.post("/v1/messages", MESSAGE).statusCode();
                if (status == 200) {
                    admitted++;
                } else {
                    assertEquals(429, status);
                    refused++;
                    if (i < 5) {
                        throw new AssertionError("refused within the burst: request " + i);
                    }
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double expected = 5 + 10 * elapsed;
            assertTrue(Math.abs(admitted - expected) <= 2.5,
                    admitted + " admitted in " + elapsed + " s, expected about " + expected + " (" + refused + " refused)");
        }
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverEarly() throws Exception {
        // one token every 2 s
        try (ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults().tokenBucket(0.5, 1))) {
            Http http = new Http(sim);
            HttpResponse<String> first = http.post("/v1/messages", MESSAGE);
            assertEquals(200, first.statusCode());
            assertEquals(0, remaining(first));
            assertEquals("1", header(first, "anthropic-ratelimit-requests-limit"));

            HttpResponse<String> refused = http.post("/v1/messages", MESSAGE);
            assertEquals(429, refused.statusCode());
            assertEquals("2", header(refused, "retry-after"), "just under 2 s, rounded up");

            Thread.sleep(1000);
            HttpResponse<String> again = http.post("/v1/messages", MESSAGE);
            assertEquals(429, again.statusCode());
            assertEquals("1", header(again, "retry-after"), "just under 1 s left, rounded up");

            // waiting exactly what it said is enough
            Thread.sleep(Long.parseLong(header(again, "retry-after")) * 1000);
            HttpResponse<String> admitted = http.post("/v1/messages", MESSAGE);
            assertEquals(200, admitted.statusCode(), "retry-after is never early");
            assertEquals(0, remaining(admitted));
        }
    }

    @Test
    void aRequestAnsweredWithTheScenarios529HasTakenItsToken() throws Exception {
        running.sim().scenario(Scenario.builder().faultRate(529, 1).build());
        HttpResponse<String> overloaded = running.http().post("/v1/messages", MESSAGE);
        assertEquals(529, overloaded.statusCode());
        assertEquals(BURST - 1, remaining(overloaded));
        assertEquals(BURST - 2, remaining(running.http().post("/v1/messages", MESSAGE)));
    }

    @Test
    void requestsTheApiRefusesTakeATokenOtherEndpointsNone() throws Exception {
        assertEquals(401, running.http().send("POST", "/v1/messages", MESSAGE, Map.of()).statusCode());
        for (int i = 0; i < BURST + 2; i++) {
            HttpResponse<String> r = running.http().post("/v1/messages/count_tokens", COUNT);
            assertEquals(200, r.statusCode());
            assertEquals(Long.toString(RateLimits.REQUESTS_LIMIT), header(r, "anthropic-ratelimit-requests-limit"));
            assertEquals(200, running.http().get("/v1/models").statusCode());
        }
        assertEquals(BURST - 2, remaining(running.http().post("/v1/messages", MESSAGE)));
    }

    @Test
    void resetFillsTheBucket() throws Exception {
        for (int i = 0; i < BURST; i++) {
            running.http().post("/v1/messages", MESSAGE);
        }
        assertEquals(429, running.http().post("/v1/messages", MESSAGE).statusCode());
        running.sim().reset();
        assertEquals(BURST - 1, remaining(running.http().post("/v1/messages", MESSAGE)));
    }

    @Test
    void optionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults().tokenBucket(0, 5));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults().tokenBucket(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults().tokenBucket(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorOptions.defaults().tokenBucket(Double.POSITIVE_INFINITY, 5));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults().tokenBucket(10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ClaudeSimulator.start(SimulatorOptions.defaults().tokenBucket(10, 5).requestsPerMinute(60)));
        assertThrows(IllegalStateException.class, () -> running.sim().requestsPerMinute(10));
    }
}
