package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The Message Batches API over plain HTTP: the batch object, processing, results, paging, cancel and delete. */
class SimulatorBatchTest {

    /** Batches end quickly here. */
    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator(
            SimulatorOptions.defaults().batchProcessingDelay(Duration.ofMillis(50)));

    /** Batches stay in progress here, for the tests of what happens before they end. */
    @RegisterExtension
    static final RunningSimulator slow = new RunningSimulator(
            SimulatorOptions.defaults().batchProcessingDelay(Duration.ofMinutes(5)));

    private static final String PATH = "/v1/messages/batches";

    static String request(String customId, String params) {
        return "{\"custom_id\":\"" + customId + "\",\"params\":" + params + "}";
    }

    static String batch(String... requests) {
        return "{\"requests\":[" + String.join(",", requests) + "]}";
    }

    private static JsonNode create(RunningSimulator sim, String body) throws Exception {
        HttpResponse<String> r = sim.http().post(PATH, body);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** Polls the batch until it ended (a few hundred ms at most here). */
    private static JsonNode awaitEnded(RunningSimulator sim, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonNode b = Http.json(sim.http().get(PATH + "/" + id));
            if (b.path("processing_status").asText().equals("ended")) {
                return b;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The batch did not end: " + b);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void createAnswersTheBatchObjectInProgress() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        JsonNode b = create(slow, batch(request("one", Http.message("claude-opus-4-8", 10, "hi")),
                request("two", Http.message("claude-opus-4-8", 10, "ho"))));

        assertTrue(b.path("id").asText().matches("msgbatch_sim_\\d+"), b.toString());
        assertEquals("message_batch", b.path("type").asText());
        assertEquals("in_progress", b.path("processing_status").asText());
        JsonNode counts = b.path("request_counts");
        assertEquals(2, counts.path("processing").asInt());
        for (String kind : List.of("succeeded", "errored", "canceled", "expired")) {
            assertEquals(0, counts.path(kind).asInt(), kind);
        }
        for (String field : List.of("ended_at", "cancel_initiated_at", "archived_at", "results_url")) {
            assertTrue(b.has(field) && b.path(field).isNull(), field);
        }
        Instant created = Instant.parse(b.path("created_at").asText());
        assertTrue(created.isAfter(before), b.toString());
        assertTrue(b.path("created_at").asText().endsWith("Z"));
        assertEquals(created.plus(Duration.ofHours(24)), Instant.parse(b.path("expires_at").asText()));
        assertEquals(List.of(b.path("id").asText()), slow.sim().batchIds());
    }

    @Test
    void processingAnswersEachRequestLikeTheMessagesEndpoint() throws Exception {
        String id = create(running, batch(
                request("ok", Http.message("claude-opus-4-8", 100, "hello batch")),
                request("unknown-model", Http.message("claude-nope", 100, "x")),
                request("no_max_tokens", "{\"model\":\"claude-opus-4-8\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                request("expire-me", Http.message("claude-opus-4-8", 100, "too late")))).path("id").asText();

        JsonNode b = awaitEnded(running, id);
        JsonNode counts = b.path("request_counts");
        assertEquals(0, counts.path("processing").asInt());
        assertEquals(1, counts.path("succeeded").asInt());
        assertEquals(2, counts.path("errored").asInt());
        assertEquals(0, counts.path("canceled").asInt());
        assertEquals(1, counts.path("expired").asInt());
        assertFalse(b.path("ended_at").isNull());
        assertEquals(running.sim().baseUrl() + PATH + "/" + id + "/results", b.path("results_url").asText());

        HttpResponse<String> r = running.http().get(PATH + "/" + id + "/results");
        assertEquals(200, r.statusCode());
        assertEquals("application/x-jsonl", r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.body().endsWith("\n"));
        Map<String, JsonNode> results = new HashMap<>();
        for (String line : r.body().split("\n")) {
            JsonNode json = Http.MAPPER.readTree(line);
            results.put(json.path("custom_id").asText(), json.path("result"));
        }
        assertEquals(4, results.size());

        JsonNode ok = results.get("ok");
        assertEquals("succeeded", ok.path("type").asText());
        assertEquals("message", ok.path("message").path("type").asText());
        assertEquals("Echo: hello batch", ok.path("message").path("content").get(0).path("text").asText());
        assertEquals(3, ok.path("message").path("usage").path("input_tokens").asInt());
        assertEquals("batch", ok.path("message").path("usage").path("service_tier").asText());

        JsonNode unknown = results.get("unknown-model");
        assertEquals("errored", unknown.path("type").asText());
        assertEquals("error", unknown.path("error").path("type").asText());
        assertEquals("not_found_error", unknown.path("error").path("error").path("type").asText());
        assertEquals("model: claude-nope", unknown.path("error").path("error").path("message").asText());

        JsonNode invalid = results.get("no_max_tokens").path("error").path("error");
        assertEquals("invalid_request_error", invalid.path("type").asText());
        assertEquals("max_tokens: Field required", invalid.path("message").asText());

        assertEquals("expired", results.get("expire-me").path("type").asText());
        assertEquals(1, results.get("expire-me").size());
    }

    @Test
    void resultsAreWrittenInChunksAndReadableLineByLine() throws Exception {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            requests.add(request("r" + i, Http.message("claude-haiku-4-5", 10, "number " + i)));
        }
        String id = create(running, batch(requests.toArray(String[]::new))).path("id").asText();
        awaitEnded(running, id);

        HttpRequest get = HttpRequest.newBuilder(URI.create(running.sim().baseUrl() + PATH + "/" + id + "/results"))
                .header("x-api-key", "k").header("anthropic-version", "2023-06-01").build();
        HttpResponse<InputStream> r = running.http().client().send(get, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("chunked", r.headers().firstValue("transfer-encoding").orElseThrow());
        assertFalse(r.headers().firstValue("content-length").isPresent());
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode json = Http.MAPPER.readTree(line);
                assertEquals("r" + lines, json.path("custom_id").asText());
                assertEquals("Echo: number " + lines,
                        json.path("result").path("message").path("content").get(0).path("text").asText());
                lines++;
            }
        }
        assertEquals(300, lines);
    }

    @Test
    void createIsValidatedLikeTheApi() throws Exception {
        String ok = Http.message("claude-opus-4-8", 10, "x");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{}", "requests: Field required");
        cases.put("{\"requests\":{}}", "requests: Input should be a valid list");
        cases.put("{\"requests\":[]}", "requests: List should have at least 1 item after validation, not 0");
        cases.put(batch("{\"params\":" + ok + "}"), "requests.0.custom_id: Field required");
        cases.put(batch(request("", ok)), "requests.0.custom_id: String should have at least 1 character");
        cases.put(batch(request("has space", ok)),
                "requests.0.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
        cases.put(batch(request("x".repeat(65), ok)),
                "requests.0.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
        cases.put(batch(request("a", ok), request("b", ok), request("a", ok)),
                "requests.2.custom_id: Duplicate custom_id 'a'; each request in a Message Batch must have a unique custom_id");
        cases.put(batch("{\"custom_id\":\"a\"}"), "requests.0.params: Field required");
        cases.put(batch(request("a", "[]")), "requests.0.params: Input should be a valid dictionary");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            SimulatorApiTest.assertError(running.http().post(PATH, c.getKey()), 400, "invalid_request_error", c.getValue());
        }
        assertTrue(running.sim().batchIds().isEmpty());
    }

    @Test
    void atMostOneHundredThousandRequests() throws Exception {
        String one = request("x", "{}");
        StringBuilder body = new StringBuilder("{\"requests\":[");
        for (int i = 0; i <= BatchesEndpoint.MAX_REQUESTS; i++) {
            body.append(i == 0 ? "" : ",").append(one);
        }
        body.append("]}");

        SimulatorApiTest.assertError(running.http().post(PATH, body.toString()), 400, "invalid_request_error",
                "requests: List should have at most 100000 items after validation, not 100001");
    }

    @Test
    void unknownBatchesAreNotFound() throws Exception {
        for (HttpResponse<String> r : List.of(running.http().get(PATH + "/msgbatch_nope"),
                running.http().get(PATH + "/msgbatch_nope/results"),
                running.http().post(PATH + "/msgbatch_nope/cancel", ""),
                running.http().send("DELETE", PATH + "/msgbatch_nope", null, Http.apiHeaders()))) {
            SimulatorApiTest.assertError(r, 404, "not_found_error", "message_batch: msgbatch_nope");
        }
        SimulatorApiTest.assertError(running.http().get(PATH + "/x/y"), 404, "not_found_error", null);
        SimulatorApiTest.assertError(running.http().send("PUT", PATH, "{}", Http.apiHeaders()), 404, "not_found_error",
                null);
    }

    @Test
    void listsNewestFirstInPages() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, create(slow, batch(request("a", Http.message("claude-opus-4-8", 10, "x")))).path("id")
                    .asText());
        }
        assertEquals(created, slow.sim().batchIds());

        JsonNode all = Http.json(slow.http().get(PATH));
        assertEquals(5, all.path("data").size());
        assertEquals(created.get(0), all.path("first_id").asText());
        assertEquals(created.get(4), all.path("last_id").asText());
        assertFalse(all.path("has_more").asBoolean());
        assertEquals("message_batch", all.path("data").get(0).path("type").asText());

        JsonNode first = Http.json(slow.http().get(PATH + "?limit=2"));
        assertEquals(List.of(created.get(0), created.get(1)), ids(first));
        assertTrue(first.path("has_more").asBoolean());
        JsonNode second = Http.json(slow.http().get(PATH + "?limit=2&after_id=" + first.path("last_id").asText()));
        assertEquals(List.of(created.get(2), created.get(3)), ids(second));
        JsonNode third = Http.json(slow.http().get(PATH + "?limit=2&after_id=" + second.path("last_id").asText()));
        assertEquals(List.of(created.get(4)), ids(third));
        assertFalse(third.path("has_more").asBoolean());
        JsonNode back = Http.json(slow.http().get(PATH + "?limit=2&before_id=" + created.get(4)));
        assertEquals(List.of(created.get(2), created.get(3)), ids(back));
        assertTrue(back.path("has_more").asBoolean());

        SimulatorApiTest.assertError(slow.http().get(PATH + "?limit=0"), 400, "invalid_request_error", null);
        SimulatorApiTest.assertError(slow.http().get(PATH + "?after_id=msgbatch_nope"), 400, "invalid_request_error",
                null);
        slow.sim().reset();
        JsonNode empty = Http.json(slow.http().get(PATH));
        assertEquals(0, empty.path("data").size());
        assertTrue(empty.path("first_id").isNull());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(b -> ids.add(b.path("id").asText()));
        return ids;
    }

    @Test
    void resultsAndDeletionWaitForTheEnd() throws Exception {
        String id = create(slow, batch(request("a", Http.message("claude-opus-4-8", 10, "x")))).path("id").asText();

        SimulatorApiTest.assertError(slow.http().get(PATH + "/" + id + "/results"), 400, "invalid_request_error", null);
        HttpResponse<String> delete = slow.http().send("DELETE", PATH + "/" + id, null, Http.apiHeaders());
        SimulatorApiTest.assertError(delete, 400, "invalid_request_error", null);
        assertTrue(Http.json(delete).path("error").path("message").asText().contains("must be ended before deletion"));
    }

    @Test
    void cancelEndsTheBatchWithItsRequestsCanceled() throws Exception {
        String id = create(slow, batch(request("a", Http.message("claude-opus-4-8", 10, "x")),
                request("expire-b", Http.message("claude-opus-4-8", 10, "y")))).path("id").asText();

        HttpResponse<String> r = slow.http().post(PATH + "/" + id + "/cancel", "");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode canceling = Http.json(r);
        assertEquals("canceling", canceling.path("processing_status").asText());
        assertFalse(canceling.path("cancel_initiated_at").isNull());
        assertEquals(2, canceling.path("request_counts").path("processing").asInt());

        JsonNode ended = awaitEnded(slow, id);
        assertEquals(2, ended.path("request_counts").path("canceled").asInt());
        assertEquals(canceling.path("cancel_initiated_at"), ended.path("cancel_initiated_at"));
        String results = slow.http().get(PATH + "/" + id + "/results").body();
        assertEquals("{\"custom_id\":\"a\",\"result\":{\"type\":\"canceled\"}}\n"
                + "{\"custom_id\":\"expire-b\",\"result\":{\"type\":\"canceled\"}}\n", results);
        SimulatorApiTest.assertError(slow.http().post(PATH + "/" + id + "/cancel", ""), 400, "invalid_request_error",
                null);
    }

    @Test
    void deleteForgetsAnEndedBatch() throws Exception {
        String id = create(running, batch(request("a", Http.message("claude-opus-4-8", 10, "x")))).path("id").asText();
        awaitEnded(running, id);

        HttpResponse<String> r = running.http().send("DELETE", PATH + "/" + id, null, Http.apiHeaders());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Http.MAPPER.readTree("{\"id\":\"" + id + "\",\"type\":\"message_batch_deleted\"}"), Http.json(r));
        SimulatorApiTest.assertError(running.http().get(PATH + "/" + id), 404, "not_found_error", null);
        assertTrue(running.sim().batchIds().isEmpty());
    }

    @Test
    void batchEndpointsNeedAuthAndVersionLikeTheOthers() throws Exception {
        Map<String, String> noKey = Http.apiHeaders();
        noKey.remove("x-api-key");
        SimulatorApiTest.assertError(running.http().send("GET", PATH, null, noKey), 401, "authentication_error", null);
        SimulatorApiTest.assertError(running.http().post(PATH, "not json"), 400, "invalid_request_error", null);
    }
}
