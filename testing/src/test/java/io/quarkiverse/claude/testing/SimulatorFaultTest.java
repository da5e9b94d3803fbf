package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Every kind of {@link Fault}, and how the script hands them out. */
class SimulatorFaultTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    private static final String MESSAGE = Http.message("claude-opus-4-8", 100, "one two three");
    private static final String STREAM = Http.streamedMessage("claude-opus-4-8", 100, "one two three");

    @Test
    void errorHasTheDocumentedBody() throws Exception {
        running.sim().enqueue(Fault.error(409, "conflict_error", "Try again"));
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        SimulatorApiTest.assertError(r, 409, "conflict_error", "Try again");
        assertTrue(r.headers().firstValue("anthropic-ratelimit-requests-limit").isPresent());
    }

    @Test
    void queuedFaultsGoToTheNextRequestsOfAnyEndpointThenNormalAnswers() throws Exception {
        running.sim().enqueue(Fault.apiError(), Fault.overloaded());

        assertEquals(500, running.http().get("/v1/models").statusCode());
        assertEquals(404, running.http().get("/not-api").statusCode()); // takes no fault
        assertEquals(529, running.http().post("/v1/messages/count_tokens", "garbage").statusCode());
        assertEquals(200, running.http().post("/v1/messages", MESSAGE).statusCode());
        assertEquals(4, running.sim().requests().size(), "faulted requests are recorded too");
    }

    @Test
    void alwaysAnswersEveryRequestAfterTheQueueUntilReset() throws Exception {
        running.sim().always(Fault.overloaded()).enqueue(Fault.apiError());

        assertEquals(500, running.http().post("/v1/messages", MESSAGE).statusCode());
        assertEquals(529, running.http().post("/v1/messages", MESSAGE).statusCode());
        assertEquals(529, running.http().get("/v1/models").statusCode());
        running.sim().reset();
        assertEquals(200, running.http().post("/v1/messages", MESSAGE).statusCode());
    }

    @Test
    void eachQueuedFaultIsUsedExactlyOnceUnderConcurrency() throws Exception {
        Fault[] faults = new Fault[10];
        Arrays.fill(faults, Fault.overloaded());
        running.sim().enqueue(faults);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(running.http().client().sendAsync(HttpRequest.newBuilder(URI.create(running.sim().baseUrl() + "/v1/messages"))
                    .header("x-api-key", "k").header("anthropic-version", "2023-06-01")
                    .POST(HttpRequest.BodyPublishers.ofString(MESSAGE)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int overloaded = 0;
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            int status = call.get(10, TimeUnit.SECONDS).statusCode();
            overloaded += status == 529 ? 1 : 0;
            ok += status == 200 ? 1 : 0;
        }
        assertEquals(10, overloaded);
        assertEquals(30, ok);
        assertEquals(40, running.sim().requests().size());
    }

    @Test
    void faultsSkipTheChecks() throws Exception {
        running.sim().enqueue(Fault.rateLimited());
        HttpResponse<String> r = running.http().send("POST", "/v1/messages", "not even json", Map.of());

        assertEquals(429, r.statusCode(), "not 401: the fault answers whatever the request is");
        assertEquals("not even json", running.sim().lastRequest().body());
    }

    @Test
    void rateLimitedSaysWhenToRetry() throws Exception {
        running.sim().enqueue(Fault.rateLimited());
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        SimulatorApiTest.assertError(r, 429, "rate_limit_error", null);
        assertEquals("1", r.headers().firstValue("retry-after").orElseThrow());
    }

    @Test
    void overloadedAndApiError() throws Exception {
        running.sim().enqueue(Fault.overloaded(), Fault.apiError());

        SimulatorApiTest.assertError(running.http().post("/v1/messages", MESSAGE), 529, "overloaded_error", "Overloaded");
        SimulatorApiTest.assertError(running.http().post("/v1/messages", MESSAGE), 500, "api_error", null);
    }

    @Test
    void spendLimitHasDetailsAndNoRetryAfter() throws Exception {
        running.sim().enqueue(Fault.spendLimitReached());
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        SimulatorApiTest.assertError(r, 429, "rate_limit_error", null);
        assertFalse(r.headers().firstValue("retry-after").isPresent());
        assertFalse(r.headers().firstValue("retry-after-ms").isPresent());
        assertEquals("enforced_spend_limit_reached",
                Http.json(r).path("error").path("details").path("error_code").asText());
    }

    @Test
    void htmlPageOfAProxy() throws Exception {
        String page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        running.sim().enqueue(Fault.html(502, page));
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        assertEquals(502, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertEquals(page, r.body());
        assertTrue(r.headers().firstValue("request-id").orElseThrow().startsWith("req_sim_"));
    }

    @Test
    void emptyBody() throws Exception {
        running.sim().enqueue(Fault.emptyBody(503));
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        assertEquals(503, r.statusCode());
        assertEquals("", r.body());
        assertFalse(r.headers().firstValue("content-type").isPresent());
    }

    @Test
    void dropConnectionSendsNothing() throws Exception {
        running.sim().enqueue(Fault.dropConnection());

        assertThrows(IOException.class, () -> running.http().post("/v1/messages", MESSAGE));
        assertEquals(1, running.sim().requests().size());
        assertEquals(200, running.http().post("/v1/messages", MESSAGE).statusCode(), "the next request is answered");
    }

    @Test
    void delayWaitsWithoutBlockingOtherRequests() throws Exception {
        running.sim().enqueue(Fault.delay(Duration.ofMillis(600)));
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = running.http().client().sendAsync(
                HttpRequest.newBuilder(URI.create(running.sim().baseUrl() + "/v1/messages"))
                        .header("x-api-key", "k").header("anthropic-version", "2023-06-01")
                        .POST(HttpRequest.BodyPublishers.ofString(MESSAGE)).build(),
                HttpResponse.BodyHandlers.ofString());
        while (running.sim().requests().isEmpty()) {
            Thread.sleep(5); // make sure the slow one took the fault
        }

        HttpResponse<String> fast = running.http().post("/v1/messages", MESSAGE);
        assertEquals(200, fast.statusCode());
        assertFalse(slow.isDone(), "the delayed answer is still pending while another request is served");

        HttpResponse<String> delayed = slow.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(600));
        assertEquals(200, delayed.statusCode());
        assertEquals("Echo: one two three", Http.json(delayed).path("content").get(0).path("text").asText());
    }

    @Test
    void delayedStillRunsTheChecks() throws Exception {
        running.sim().enqueue(Fault.delay(Duration.ofMillis(10)).header("x-sim", "yes"));
        HttpResponse<String> r = running.http().post("/v1/messages", Http.message("claude-nope", 10, "x"));

        assertEquals(404, r.statusCode());
        assertEquals("yes", r.headers().firstValue("x-sim").orElseThrow());
    }

    @Test
    void delayedFault() throws Exception {
        running.sim().enqueue(Fault.overloaded().delayed(Duration.ofMillis(300)));
        long start = System.nanoTime();

        assertEquals(529, running.http().post("/v1/messages", MESSAGE).statusCode());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void streamErrorMidStream() throws Exception {
        running.sim().enqueue(Fault.streamError(2, "overloaded_error", "Overloaded"));
        HttpResponse<String> r = running.http().post("/v1/messages", STREAM);

        assertEquals(200, r.statusCode());
        List<Http.Event> events = Http.events(r.body());
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "error"), Http.names(events));
        assertEquals(Http.MAPPER.readTree(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"),
                events.get(5).data());
    }

    @Test
    void streamErrorOnANonStreamRequestIsAPlainError() throws Exception {
        running.sim().enqueue(Fault.streamError(2, "overloaded_error", "Overloaded"), Fault.streamError(0, "new_error", "?"));

        SimulatorApiTest.assertError(running.http().post("/v1/messages", MESSAGE), 529, "overloaded_error", "Overloaded");
        SimulatorApiTest.assertError(running.http().post("/v1/messages", MESSAGE), 500, "new_error", "?");
    }

    @Test
    void truncatedStreamJustEnds() throws Exception {
        running.sim().enqueue(Fault.truncatedStream(1), Fault.truncatedStream(0), Fault.truncatedStream(99));

        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta"),
                Http.names(Http.events(running.http().post("/v1/messages", STREAM).body())));
        assertEquals(List.of("message_start", "content_block_start", "ping"),
                Http.names(Http.events(running.http().post("/v1/messages", STREAM).body())));
        List<String> all = Http.names(Http.events(running.http().post("/v1/messages", STREAM).body()));
        assertEquals("message_delta", all.get(all.size() - 1), "never message_stop: " + all);
    }

    @Test
    void truncatedStreamOnANonStreamRequestCutsTheBody() {
        running.sim().enqueue(Fault.truncatedStream(1));

        assertThrows(IOException.class, () -> running.http().post("/v1/messages", MESSAGE));
    }

    @Test
    void toolUse() throws Exception {
        running.sim().enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\",\"days\":[1,2]}"));
        JsonNode m = Http.json(running.http().post("/v1/messages", MESSAGE));

        assertEquals("tool_use", m.path("stop_reason").asText());
        assertEquals(1, m.path("content").size());
        JsonNode block = m.path("content").get(0);
        assertEquals("tool_use", block.path("type").asText());
        assertTrue(block.path("id").asText().matches("toolu_sim_\\d+"));
        assertEquals("get_weather", block.path("name").asText());
        assertEquals(Http.MAPPER.readTree("{\"city\":\"Paris\",\"days\":[1,2]}"), block.path("input"));
        assertEquals("claude-opus-4-8", m.path("model").asText());
    }

    @Test
    void toolUseStreamed() throws Exception {
        running.sim().enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\",\"days\":[1,2]}"));
        List<Http.Event> events = Http.events(running.http().post("/v1/messages", STREAM).body());

        JsonNode start = events.get(1).data().path("content_block");
        assertEquals("tool_use", start.path("type").asText());
        assertEquals("get_weather", start.path("name").asText());
        assertEquals(0, start.path("input").size());
        StringBuilder json = new StringBuilder();
        int deltas = 0;
        for (Http.Event e : events) {
            if (e.name().equals("content_block_delta")) {
                assertEquals("input_json_delta", e.data().path("delta").path("type").asText());
                json.append(e.data().path("delta").path("partial_json").asText());
                deltas++;
            }
        }
        assertTrue(deltas > 2, "the input comes in several chunks");
        assertEquals(Http.MAPPER.readTree("{\"city\":\"Paris\",\"days\":[1,2]}"), Http.MAPPER.readTree(json.toString()));
        assertEquals("tool_use", events.get(events.size() - 2).data().path("delta").path("stop_reason").asText());
        assertEquals("message_stop", events.get(events.size() - 1).name());
    }

    @Test
    void toolUseNeedsAJsonObject() {
        assertThrows(IllegalArgumentException.class, () -> Fault.toolUse("t", "not json"));
        assertThrows(IllegalArgumentException.class, () -> Fault.toolUse("t", "[1]"));
    }

    @Test
    void extraFieldsEverywhere() throws Exception {
        running.sim().enqueue(Fault.withExtraFields());
        JsonNode m = Http.json(running.http().post("/v1/messages", MESSAGE));

        assertTrue(m.has("sim_future_field"));
        assertEquals("Echo: one two three", m.path("content").get(0).path("text").asText());
        assertEquals(Http.MAPPER.readTree("{\"type\":\"sim_future_block\",\"payload\":{\"a\":1}}"), m.path("content").get(1));
        assertTrue(m.path("usage").has("sim_future_usage_tokens"));
    }

    @Test
    void extraFieldsInStreams() throws Exception {
        running.sim().enqueue(Fault.withExtraFields());
        List<Http.Event> events = Http.events(running.http().post("/v1/messages", STREAM).body());

        List<String> names = Http.names(events);
        assertTrue(names.contains("sim_future_event"), names.toString());
        assertTrue(events.get(0).data().path("message").has("sim_future_field"));
        assertTrue(events.stream().anyMatch(e -> e.data().path("content_block").path("type").asText()
                .equals("sim_future_block")));
        assertEquals("message_stop", names.get(names.size() - 1));
    }

    @Test
    void withersAddHeadersAndLeaveTheOriginalAlone() throws Exception {
        Fault base = Fault.overloaded();
        Instant at = Instant.parse("2026-11-25T13:00:00Z");
        running.sim().enqueue(base.retryAfterMillis(250).header("X-Should-Retry", "false"), base.retryAfterDate(at),
                base.retryAfterSeconds(7), base);

        HttpResponse<String> r1 = running.http().post("/v1/messages", MESSAGE);
        assertEquals("250", r1.headers().firstValue("retry-after-ms").orElseThrow());
        assertEquals("false", r1.headers().firstValue("x-should-retry").orElseThrow());
        String date = running.http().post("/v1/messages", MESSAGE).headers().firstValue("retry-after").orElseThrow();
        assertEquals("Wed, 25 Nov 2026 13:00:00 GMT", date);
        assertEquals(at, ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        assertEquals("7", running.http().post("/v1/messages", MESSAGE).headers().firstValue("retry-after").orElseThrow());
        HttpResponse<String> plain = running.http().post("/v1/messages", MESSAGE);
        assertEquals(529, plain.statusCode());
        assertFalse(plain.headers().firstValue("retry-after-ms").isPresent(), "the original fault is unchanged");
        assertFalse(plain.headers().firstValue("x-should-retry").isPresent());
    }
}
