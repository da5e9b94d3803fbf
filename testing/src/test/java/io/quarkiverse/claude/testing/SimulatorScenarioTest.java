package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Scenario}s: their rates over many requests, their scope, precedence, switching, and {@link SimulatorStats}. */
class SimulatorScenarioTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    private static final String MESSAGE = Http.message("claude-opus-4-8", 100, "one two three");
    private static final String COUNT = "{\"model\":\"claude-opus-4-8\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final int DROPPED = -1;

    /** The status of each of {@code n} messages requests, -1 for a dropped connection. */
    private static List<Integer> statuses(int n) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statuses.add(status());
        }
        return statuses;
    }

    private static int status() throws InterruptedException {
        try {
            return running.http().post("/v1/messages", MESSAGE).statusCode();
        } catch (IOException e) {
            return DROPPED;
        }
    }

    private static Map<Integer, Integer> histogram(List<Integer> statuses) {
        Map<Integer, Integer> h = new TreeMap<>();
        statuses.forEach(s -> h.merge(s, 1, Integer::sum));
        return h;
    }

    private static void assertBetween(int min, int max, int actual, String what) {
        assertTrue(actual >= min && actual <= max, what + ": " + actual + " not in [" + min + ", " + max + "]");
    }

    // ---------------------------------------------------------------- presets over 400 requests

    @Test
    void normalChangesNothing() throws Exception {
        running.sim().scenario(Scenario.normal());
        assertEquals(Map.of(200, 50), histogram(statuses(50)));
    }

    @Test
    void rateLimitedRefusesAboutThirtyPercentWithRetryAfter() throws Exception {
        running.sim().scenario(Scenario.rateLimited());
        int limited = 0;
        for (int i = 0; i < 400; i++) {
            HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);
            if (r.statusCode() == 429) {
                limited++;
                SimulatorApiTest.assertError(r, 429, "rate_limit_error", null);
                assertEquals("1", r.headers().firstValue("retry-after").orElseThrow());
                assertEquals("1000", r.headers().firstValue("retry-after-ms").orElseThrow());
            } else {
                assertEquals(200, r.statusCode(), r.body());
            }
        }
        assertBetween(85, 155, limited, "429s of 400 at 30%");
    }

    @Test
    void overloadedComesInBurstsOfThree() throws Exception {
        running.sim().scenario(Scenario.overloaded());
        List<Integer> statuses = statuses(400);

        assertEquals(Set.of(200, 529), new HashSet<>(statuses));
        List<Integer> runs = new ArrayList<>();
        int run = 0;
        for (int s : statuses) {
            if (s == 529) {
                run++;
            } else if (run > 0) {
                runs.add(run);
                run = 0;
            }
        }
        // a run cut by the end of the sample may be short; every other is one or more whole bursts
        runs.forEach(r -> assertEquals(0, r % 3, "runs of 529s: " + runs));
        // a burst starts on 15% of the requests outside a burst: about 35% of the requests are 529s
        assertBetween(95, 185, histogram(statuses).get(529), "529s of 400");
        assertTrue(runs.stream().anyMatch(r -> r == 3));
    }

    @Test
    void flakyMixesErrorsAndDrops() throws Exception {
        running.sim().scenario(Scenario.flaky());
        Map<Integer, Integer> h = histogram(statuses(400));

        assertEquals(Set.of(200, 429, 500, 529, DROPPED), h.keySet(), h.toString());
        assertBetween(20, 65, h.get(500), "500s at 10%");
        assertBetween(20, 65, h.get(429), "429s at 10%");
        assertBetween(6, 40, h.get(529), "529s at 5%");
        assertBetween(6, 40, h.get(DROPPED), "drops at 5%");
        assertBetween(240, 330, h.get(200), "200s at 70%");

        SimulatorStats stats = running.sim().stats();
        assertEquals(400, stats.total());
        assertEquals(h.get(DROPPED), (int) stats.dropped());
        for (int status : List.of(200, 429, 500, 529)) {
            assertEquals(h.get(status), (int) stats.count(status), "stats of " + status);
        }
    }

    @Test
    void slowPresetWaitsOneToThreeSeconds() {
        Scenario slow = Scenario.slow();
        assertEquals(Duration.ofSeconds(1), slow.minLatency());
        assertEquals(Duration.ofSeconds(3), slow.maxLatency());
        // drawn, not waited for: the engine's verdicts are regular answers delayed by 1 to 3 s
        ScenarioEngine engine = new ScenarioEngine(slow);
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            Fault f = engine.next();
            assertEquals(Fault.Kind.NORMAL, f.kind());
            long ms = f.delay().toMillis();
            assertTrue(ms >= 1000 && ms <= 3000, ms + " ms");
            delays.add(ms / 500);
        }
        assertEquals(Set.of(2L, 3L, 4L, 5L), delays.stream().filter(d -> d < 6).collect(java.util.stream.Collectors.toSet()),
                "spread over the whole range");
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        running.sim().scenario(Scenario.builder().latency(Duration.ofMillis(20), Duration.ofMillis(40))
                .faultRate(529, 0.5).build());
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            int status = status();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(status == 200 || status == 529, "status " + status);
            assertTrue(ms >= 20, "answered after " + ms + " ms");
        }
    }

    // ---------------------------------------------------------------- builder

    @Test
    void anyDocumentedStatusWithItsErrorType() throws Exception {
        running.sim().scenario(Scenario.builder().faultRate(504, 1).build());
        SimulatorApiTest.assertError(running.http().post("/v1/messages", MESSAGE), 504, "timeout_error", null);
        running.sim().scenario(Scenario.builder().faultRate(402, 1).build());
        SimulatorApiTest.assertError(running.http().post("/v1/messages", MESSAGE), 402, "billing_error", null);
        running.sim().scenario(Scenario.builder().faultRate(500, 1).build());
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);
        SimulatorApiTest.assertError(r, 500, "api_error", null);
        assertTrue(r.headers().firstValue("retry-after").isEmpty(), "only 429s say when to retry");
    }

    @Test
    void retryAfterIsRoundedUpSecondsAndExactMillis() throws Exception {
        running.sim().scenario(Scenario.builder().faultRate(429, 1).retryAfter(Duration.ofMillis(1500)).build());
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        SimulatorApiTest.assertError(r, 429, "rate_limit_error", null);
        assertEquals("2", r.headers().firstValue("retry-after").orElseThrow());
        assertEquals("1500", r.headers().firstValue("retry-after-ms").orElseThrow());
    }

    @Test
    void dropRateClosesConnections() throws Exception {
        running.sim().scenario(Scenario.builder().dropRate(1).build());
        assertThrows(IOException.class, () -> running.http().post("/v1/messages", MESSAGE));
        assertEquals(1, running.sim().stats().dropped());
    }

    @Test
    void builderRefusesWhatCannotBe() {
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().faultRate(418, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().faultRate(200, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().faultRate(529, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().faultRate(529, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().dropRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().burst(529, 0.1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().latency(Duration.ofMillis(5), Duration.ofMillis(4)));
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().retryAfter(Duration.ofSeconds(-1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().faultRate(500, 0.6).faultRate(529, 0.3).dropRate(0.2).build());
        assertTrue(e.getMessage().contains("more than 1"), e.getMessage());
        assertTrue(Scenario.builder().faultRate(529, 0.1).faultRate(529, 0).build().isNormal(), "rate 0 removes");
    }

    @Test
    void sameSeedSameFaultsOtherSeedOthers() throws Exception {
        Scenario flaky = Scenario.flaky();
        assertEquals(Scenario.DEFAULT_SEED, flaky.seed());
        running.sim().scenario(flaky);
        List<Integer> first = statuses(60);
        running.sim().scenario(flaky);
        assertEquals(first, statuses(60), "applying a scenario restarts its draws");
        running.sim().scenario(flaky.toBuilder().seed(7).build());
        assertNotEquals(first, statuses(60));
    }

    // ---------------------------------------------------------------- parse, toString, equality

    @Test
    void parseKnowsThePresetsInAnyCase() {
        assertSame(Scenario.normal(), Scenario.parse("normal"));
        assertSame(Scenario.rateLimited(), Scenario.parse("Rate-Limited"));
        assertSame(Scenario.overloaded(), Scenario.parse("OVERLOADED"));
        assertSame(Scenario.flaky(), Scenario.parse(" flaky "));
        assertSame(Scenario.slow(), Scenario.parse("sLoW"));
        for (String name : List.of("normal", "rate-limited", "overloaded", "flaky", "slow")) {
            assertEquals(name, Scenario.parse(name).name());
        }
    }

    @Test
    void parseListsTheValidNamesOtherwise() {
        for (String bad : new String[] { "chaos", "rate_limited", "", null }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.parse(bad));
            assertTrue(e.getMessage().contains("normal, rate-limited, overloaded, flaky, slow"), e.getMessage());
        }
    }

    @Test
    void toStringDescribesIt() {
        String flaky = Scenario.flaky().toString();
        assertTrue(flaky.startsWith("Scenario[flaky:"), flaky);
        for (String part : List.of("10% 429 rate_limit_error (retry-after 1s)", "10% 500 api_error",
                "5% 529 overloaded_error", "5% dropped connections", "seed " + Scenario.DEFAULT_SEED)) {
            assertTrue(flaky.contains(part), part + " in " + flaky);
        }
        assertTrue(Scenario.overloaded().toString().contains("15% 529 overloaded_error in bursts of 3"));
        assertTrue(Scenario.slow().toString().contains("latency 1s-3s"), Scenario.slow().toString());
        assertTrue(Scenario.normal().toString().contains("no faults"), Scenario.normal().toString());
        assertTrue(Scenario.builder().faultRate(429, 0.25).retryAfter(Duration.ofMillis(250)).seed(3).build().toString()
                .contains("25% 429 rate_limit_error (retry-after 250ms)"));
    }

    @Test
    void equalWhenSettingsAreEqual() {
        assertEquals(Scenario.flaky(), Scenario.flaky().toBuilder().build());
        assertEquals(Scenario.flaky().hashCode(), Scenario.flaky().toBuilder().build().hashCode());
        assertNotEquals(Scenario.flaky(), Scenario.flaky().toBuilder().seed(1).build());
        assertEquals(0.3, Scenario.rateLimited().faultRate(429));
        assertEquals(0, Scenario.rateLimited().faultRate(529));
    }

    // ---------------------------------------------------------------- scope, precedence, switching

    @Test
    void appliesToMessagesAndCountTokensOnly() throws Exception {
        running.sim().scenario(Scenario.builder().faultRate(529, 1).build());

        assertEquals(529, running.http().post("/v1/messages", MESSAGE).statusCode());
        assertEquals(529, running.http().post("/v1/messages", Http.streamedMessage("claude-opus-4-8", 10, "x"))
                .statusCode());
        assertEquals(529, running.http().post("/v1/messages/count_tokens", COUNT).statusCode());
        assertEquals(200, running.http().get("/v1/models").statusCode());
        assertEquals(200, running.http().get("/v1/models/claude-opus-4-8").statusCode());
        assertEquals(200, running.http().get("/v1/messages/batches").statusCode());
    }

    @Test
    void scriptedFaultsTakePrecedence() throws Exception {
        running.sim().scenario(Scenario.builder().faultRate(529, 1).build());
        running.sim().enqueue(Fault.apiError(), Fault.delay(Duration.ofMillis(1)));

        assertEquals(500, running.http().post("/v1/messages", MESSAGE).statusCode());
        assertEquals(200, running.http().post("/v1/messages", MESSAGE).statusCode(), "a scripted regular answer");
        assertEquals(529, running.http().post("/v1/messages", MESSAGE).statusCode());
        running.sim().always(Fault.withExtraFields());
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains(AnswerJson.EXTRA_FIELD));
    }

    @Test
    void scenarioErrorsAnswerBeforeTheChecks() throws Exception {
        running.sim().scenario(Scenario.builder().faultRate(429, 1).build());
        assertEquals(429, running.http().send("POST", "/v1/messages", "not json", Map.of()).statusCode());
        running.sim().scenario(Scenario.builder().latency(Duration.ofMillis(1), Duration.ofMillis(2)).build());
        assertEquals(401, running.http().send("POST", "/v1/messages", MESSAGE, Map.of()).statusCode(),
                "a delayed regular answer is checked");
    }

    @Test
    void switchesWhileRunningAndResetRestoresTheStartScenario() throws Exception {
        Scenario allOverloaded = Scenario.builder().name("all-overloaded").faultRate(529, 1).build();
        try (ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults().scenario(allOverloaded))) {
            Http http = new Http(sim);
            assertSame(allOverloaded, sim.scenario());
            assertEquals(529, http.post("/v1/messages", MESSAGE).statusCode());

            sim.scenario(Scenario.normal());
            assertEquals(200, http.post("/v1/messages", MESSAGE).statusCode());
            sim.scenario(Scenario.builder().faultRate(500, 1).build());
            assertEquals(500, http.post("/v1/messages", MESSAGE).statusCode());

            sim.reset();
            assertSame(allOverloaded, sim.scenario());
            assertEquals(529, http.post("/v1/messages", MESSAGE).statusCode());
        }
        assertSame(Scenario.normal(), running.sim().scenario(), "the default");
    }

    @Test
    void switchingUnderLoadIsSafe() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i % 10 == 0) {
                running.sim().scenario(i % 20 == 0 ? Scenario.builder().faultRate(529, 1).build() : Scenario.normal());
            }
            calls.add(running.http().client().sendAsync(
                    HttpRequest.newBuilder(URI.create(running.sim().baseUrl() + "/v1/messages"))
                            .header("x-api-key", "k").header("anthropic-version", "2023-06-01")
                            .POST(HttpRequest.BodyPublishers.ofString(MESSAGE)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int answered = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            int status = call.get(10, TimeUnit.SECONDS).statusCode();
            assertTrue(status == 200 || status == 529, "status " + status);
            answered++;
        }
        assertEquals(60, answered);
        assertEquals(60, running.sim().stats().total());
    }

    // ---------------------------------------------------------------- stats

    @Test
    void statsCountEveryAnswerAndResetClearsThem() throws Exception {
        SimulatorStats fresh = running.sim().stats();
        // open connections are not a total: the HTTP client's kept-alive connection may still be there
        assertEquals(new SimulatorStats(Map.of(), 0, 0, 0, 0, 0, fresh.openConnections()), fresh);
        running.sim().enqueue(Fault.overloaded(), Fault.dropConnection());
        running.http().post("/v1/messages", MESSAGE);
        assertEquals(DROPPED, status());
        running.http().post("/v1/messages", MESSAGE);
        running.http().get("/nowhere");
        running.http().get("/v1/models");

        SimulatorStats stats = running.sim().stats();
        assertEquals(Map.of(200, 2L, 404, 1L, 529, 1L), stats.byStatus());
        assertEquals(1, stats.dropped());
        assertEquals(5, stats.total());
        assertEquals(0, stats.count(500));
        assertThrows(UnsupportedOperationException.class, () -> stats.byStatus().put(500, 1L));

        running.sim().reset();
        assertEquals(0, running.sim().stats().total());
        assertTrue(running.sim().stats().byStatus().isEmpty());
        assertNull(running.sim().stats().byStatus().get(200));
    }
}
