package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The regular (non-streaming) answers of the simulator and the API's checks, over plain HTTP. */
class SimulatorApiTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    @Test
    void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertEquals("http://127.0.0.1:" + running.sim().port(), running.sim().baseUrl());
        assertTrue(running.sim().port() > 0);
    }

    @Test
    void echoesTheLastUserMessageInTheApiShape() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", Http.message("claude-opus-4-8", 100, "hello there"));

        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        JsonNode m = Http.json(r);
        assertTrue(m.path("id").asText().matches("msg_sim_\\d+"), m.toString());
        assertEquals("message", m.path("type").asText());
        assertEquals("assistant", m.path("role").asText());
        assertEquals("claude-opus-4-8", m.path("model").asText());
        assertEquals(1, m.path("content").size());
        assertEquals("text", m.path("content").get(0).path("type").asText());
        assertEquals("Echo: hello there", m.path("content").get(0).path("text").asText());
        assertEquals("end_turn", m.path("stop_reason").asText());
        assertTrue(m.has("stop_sequence") && m.path("stop_sequence").isNull());
        JsonNode usage = m.path("usage");
        assertEquals(3, usage.path("input_tokens").asLong()); // 11 chars / 4, rounded up
        assertEquals(3, usage.path("output_tokens").asLong()); // "Echo:", "hello", "there"
        assertEquals(0, usage.path("cache_creation_input_tokens").asLong());
        assertEquals(0, usage.path("cache_read_input_tokens").asLong());
    }

    @Test
    void everyAnswerCarriesARequestIdAndRateLimitHeaders() throws Exception {
        HttpResponse<String> ok = running.http().get("/v1/models");
        HttpResponse<String> error = running.http().get("/v1/models/claude-nope");

        for (HttpResponse<String> r : List.of(ok, error)) {
            assertTrue(r.headers().firstValue("request-id").orElseThrow().startsWith("req_sim_"));
            for (String kind : new String[] { "requests", "tokens", "input-tokens", "output-tokens" }) {
                String prefix = "anthropic-ratelimit-" + kind;
                assertTrue(Long.parseLong(r.headers().firstValue(prefix + "-limit").orElseThrow()) > 0, prefix);
                assertTrue(Long.parseLong(r.headers().firstValue(prefix + "-remaining").orElseThrow()) >= 0, prefix);
                String reset = r.headers().firstValue(prefix + "-reset").orElseThrow();
                assertTrue(reset.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z"), reset);
                assertTrue(Instant.parse(reset).isAfter(Instant.now().minusSeconds(1)), reset);
            }
        }
        assertFalse(ok.headers().firstValue("request-id").equals(error.headers().firstValue("request-id")));
        long first = Long.parseLong(ok.headers().firstValue("anthropic-ratelimit-requests-remaining").orElseThrow());
        long second = Long.parseLong(error.headers().firstValue("anthropic-ratelimit-requests-remaining").orElseThrow());
        boolean sameWindow = ok.headers().firstValue("anthropic-ratelimit-requests-reset")
                .equals(error.headers().firstValue("anthropic-ratelimit-requests-reset"));
        assertTrue(!sameWindow || second == first - 1, first + " then " + second);
    }

    @Test
    void readsContentBlocksAndCountsSystemAndAllMessages() throws Exception {
        String body = """
                {"model":"claude-haiku-4-5","max_tokens":50,"system":[{"type":"text","text":"Be brief."}],
                 "messages":[
                   {"role":"user","content":"first question"},
                   {"role":"assistant","content":[{"type":"text","text":"an answer"}]},
                   {"role":"user","content":[{"type":"text","text":"second"},
                                             {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AA=="}},
                                             {"type":"text","text":"question"}]}]}
                """;
        JsonNode m = Http.json(running.http().post("/v1/messages", body));

        assertEquals("Echo: second question", m.path("content").get(0).path("text").asText());
        // "Be brief." 9 + "first question" 14 + "an answer" 9 + "second" 6 + "question" 8 = 46 chars -> 12 tokens
        assertEquals(12, m.path("usage").path("input_tokens").asLong());
        assertEquals(3, m.path("usage").path("output_tokens").asLong());
    }

    @Test
    void cutsTheAnswerAtMaxTokens() throws Exception {
        JsonNode m = Http.json(running.http().post("/v1/messages", Http.message("claude-opus-4-8", 3, "one two three four")));

        assertEquals("Echo: one two", m.path("content").get(0).path("text").asText());
        assertEquals("max_tokens", m.path("stop_reason").asText());
        assertEquals(3, m.path("usage").path("output_tokens").asLong());
    }

    @Test
    void requiresAnApiKey() throws Exception {
        Map<String, String> headers = Http.apiHeaders();
        headers.remove("x-api-key");
        HttpResponse<String> r = running.http().send("POST", "/v1/messages", Http.message("claude-opus-4-8", 10, "hi"), headers);

        assertError(r, 401, "authentication_error", "x-api-key header is required");
        assertEquals(r.headers().firstValue("request-id").orElseThrow(), Http.json(r).path("request_id").asText());
    }

    @Test
    void acceptsABearerToken() throws Exception {
        Map<String, String> headers = Http.apiHeaders();
        headers.remove("x-api-key");
        headers.put("authorization", "Bearer some-key");
        HttpResponse<String> r = running.http().send("GET", "/v1/models", null, headers);

        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void acceptsOnlyTheConfiguredKeyWhenOneIsSet() throws Exception {
        try (ClaudeSimulator strict = ClaudeSimulator.start(SimulatorOptions.defaults().apiKey("sk-right"))) {
            Http strictHttp = new Http(strict);
            Map<String, String> headers = Http.apiHeaders();
            headers.put("x-api-key", "sk-wrong");
            assertError(strictHttp.send("GET", "/v1/models", null, headers), 401, "authentication_error",
                    "invalid x-api-key");

            headers.remove("x-api-key");
            headers.put("authorization", "Bearer sk-right");
            assertEquals(200, strictHttp.send("GET", "/v1/models", null, headers).statusCode());
        }
    }

    @Test
    void requiresAKnownAnthropicVersion() throws Exception {
        Map<String, String> headers = Http.apiHeaders();
        headers.remove("anthropic-version");
        assertError(running.http().send("GET", "/v1/models", null, headers), 400, "invalid_request_error",
                "anthropic-version: header is required");

        headers.put("anthropic-version", "2024-02-30");
        HttpResponse<String> r = running.http().send("GET", "/v1/models", null, headers);
        assertEquals(400, r.statusCode());
        assertTrue(Http.json(r).path("error").path("message").asText().contains("2024-02-30"), r.body());

        for (String version : new String[] { "2023-06-01", "2023-01-01", "2026-10-21" }) {
            headers.put("anthropic-version", version);
            assertEquals(200, running.http().send("GET", "/v1/models", null, headers).statusCode(), version);
        }
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        assertError(running.http().post("/v1/messages", "{\"model\": \"claude-opus-4-8\","), 400, "invalid_request_error", null);
        assertError(running.http().post("/v1/messages", "[1, 2]"), 400, "invalid_request_error", null);
    }

    @Test
    void validatesTheRequestLikeTheApi() throws Exception {
        assertError(running.http().post("/v1/messages", "{\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                400, "invalid_request_error", "model: Field required");
        assertError(running.http().post("/v1/messages", "{\"model\":\"claude-opus-4-8\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                400, "invalid_request_error", "max_tokens: Field required");
        assertError(running.http().post("/v1/messages", Http.message("claude-opus-4-8", 0, "x")), 400, "invalid_request_error",
                "max_tokens: Input should be greater than or equal to 1");
        assertError(running.http().post("/v1/messages", "{\"model\":\"claude-opus-4-8\",\"max_tokens\":\"many\",\"messages\":[]}"),
                400, "invalid_request_error", "max_tokens: Input should be a valid integer");
        assertError(running.http().post("/v1/messages", "{\"model\":\"claude-opus-4-8\",\"max_tokens\":5,\"messages\":[]}"),
                400, "invalid_request_error", "messages: at least one message is required");
        assertError(running.http().post("/v1/messages", "{\"model\":\"claude-opus-4-8\",\"max_tokens\":5}"),
                400, "invalid_request_error", "messages: Field required");
        assertError(running.http().post("/v1/messages",
                "{\"model\":\"claude-opus-4-8\",\"max_tokens\":5,\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}"),
                400, "invalid_request_error", "messages.0.role: Input should be 'user' or 'assistant'");
    }

    @Test
    void unknownModelIsNotFound() throws Exception {
        assertError(running.http().post("/v1/messages", Http.message("claude-nope-1", 10, "hi")), 404, "not_found_error",
                "model: claude-nope-1");
    }

    @Test
    void version20261021RejectsSamplingParameters() throws Exception {
        Map<String, String> headers = Http.apiHeaders();
        headers.put("anthropic-version", "2026-10-21");
        for (String field : new String[] { "temperature", "top_p", "top_k" }) {
            String body = Http.message("claude-opus-5-5", 10, "hi").replaceFirst("^\\{", "{\"" + field + "\":1,");
            HttpResponse<String> r = running.http().send("POST", "/v1/messages", body, headers);
            assertEquals(400, r.statusCode(), field);
            assertEquals("invalid_request_error", Http.json(r).path("error").path("type").asText());
            assertTrue(Http.json(r).path("error").path("message").asText().startsWith(field + ":"), r.body());
        }
        assertEquals(200, running.http().send("POST", "/v1/messages", Http.message("claude-opus-5-5", 10, "hi"), headers)
                .statusCode());

        String withTemperature = Http.message("claude-opus-5-5", 10, "hi").replaceFirst("^\\{", "{\"temperature\":0.5,");
        assertEquals(200, running.http().post("/v1/messages", withTemperature).statusCode(), "2023-06-01 still accepts it");
    }

    @Test
    void countsTokensWithoutMaxTokens() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages/count_tokens",
                "{\"model\":\"claude-sonnet-4-6\",\"system\":\"abcd\",\"messages\":[{\"role\":\"user\",\"content\":\"abcde\"}]}");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Http.MAPPER.readTree("{\"input_tokens\":3}"), Http.json(r));
        assertError(running.http().post("/v1/messages/count_tokens",
                "{\"model\":\"claude-nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 404, "not_found_error",
                "model: claude-nope");
    }

    @Test
    void listsTheModelsOfTheExtensionsCatalogue() throws Exception {
        List<String> served = CatalogueFile.servedIds();
        JsonNode page = Http.json(running.http().get("/v1/models?limit=1000"));

        assertEquals(served, page.path("data").findValuesAsText("id"));
        assertFalse(page.path("has_more").asBoolean());
        JsonNode opus = page.path("data").get(served.indexOf("claude-opus-4-8"));
        assertEquals("model", opus.path("type").asText());
        assertEquals("Claude Opus 4.8", opus.path("display_name").asText());
        assertEquals("active", opus.path("lifecycle").asText());
        assertTrue(Instant.parse(opus.path("created_at").asText()).isBefore(Instant.now()));
        JsonNode deprecated = page.path("data").get(served.indexOf("claude-sonnet-4-5"));
        assertEquals("deprecated", deprecated.path("lifecycle").asText());
        assertEquals("2026-11-30T00:00:00Z", deprecated.path("retires_at").asText());
    }

    @Test
    void answersEveryIdAndAliasOfTheCatalogue() throws Exception {
        for (String id : CatalogueFile.servedIdsAndAliases()) {
            assertEquals(200, running.http().post("/v1/messages", Http.message(id, 5, "x")).statusCode(), id);
            assertEquals(200, running.http().get("/v1/models/" + id).statusCode(), id);
        }
        for (String id : CatalogueFile.retiredIdsAndAliases()) {
            assertError(running.http().post("/v1/messages", Http.message(id, 5, "x")), 404, "not_found_error",
                    "model: " + id);
        }
    }

    @Test
    void pagesThroughModels() throws Exception {
        List<String> served = CatalogueFile.servedIds();
        JsonNode first = Http.json(running.http().get("/v1/models?limit=4"));
        assertEquals(served.subList(0, 4), first.path("data").findValuesAsText("id"));
        assertTrue(first.path("has_more").asBoolean());
        assertEquals(served.get(3), first.path("last_id").asText());

        JsonNode second = Http.json(running.http().get("/v1/models?limit=4&after_id=" + served.get(3)));
        assertEquals(served.get(4), second.path("first_id").asText());

        JsonNode last = Http.json(running.http().get("/v1/models?limit=4&after_id=" + served.get(served.size() - 3)));
        assertEquals(2, last.path("data").size());
        assertFalse(last.path("has_more").asBoolean());
        assertEquals(served.get(served.size() - 1), last.path("last_id").asText());

        JsonNode before = Http.json(running.http().get("/v1/models?limit=2&before_id=" + served.get(3)));
        assertEquals(served.get(1), before.path("first_id").asText());
        assertEquals(served.get(2), before.path("last_id").asText());
        assertTrue(before.path("has_more").asBoolean());

        assertError(running.http().get("/v1/models?limit=0"), 400, "invalid_request_error", null);
        assertError(running.http().get("/v1/models?limit=1001"), 400, "invalid_request_error", null);
    }

    @Test
    void getsOneModel() throws Exception {
        HttpResponse<String> r = running.http().get("/v1/models/claude-haiku-4-5");
        assertEquals(200, r.statusCode());
        assertEquals("claude-haiku-4-5", Http.json(r).path("id").asText());
        assertEquals("Claude Haiku 4.5", Http.json(r).path("display_name").asText());

        HttpResponse<String> alias = running.http().get("/v1/models/claude-haiku-4-5-20251001");
        assertEquals("claude-haiku-4-5", Http.json(alias).path("id").asText(), "an alias gives its model");
        assertEquals("2025-10-01T00:00:00Z", Http.json(alias).path("created_at").asText(), "the dated alias's day");

        assertError(running.http().get("/v1/models/claude-nope"), 404, "not_found_error", "model: claude-nope");
    }

    @Test
    void knowsOnlyTheConfiguredModels() throws Exception {
        try (ClaudeSimulator custom = ClaudeSimulator.start(SimulatorOptions.defaults().models(List.of("my-model")))) {
            Http customHttp = new Http(custom);
            JsonNode page = Http.json(customHttp.get("/v1/models"));
            assertEquals(1, page.path("data").size());
            assertEquals("my-model", page.path("data").get(0).path("display_name").asText());
            assertEquals(200, customHttp.post("/v1/messages", Http.message("my-model", 5, "x")).statusCode());
            assertEquals(404, customHttp.post("/v1/messages", Http.message("claude-opus-4-8", 5, "x")).statusCode());
        }
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        assertError(running.http().get("/v1/completions"), 404, "not_found_error", null);
        assertError(running.http().get("/v1/messages"), 404, "not_found_error", null);
        assertError(running.http().get("/"), 404, "not_found_error", null);
    }

    @Test
    void recordsEveryRequest() throws Exception {
        assertEquals(0, running.sim().requests().size());
        Map<String, String> headers = Http.apiHeaders();
        headers.put("X-Custom", "Value");
        running.http().send("POST", "/v1/messages", Http.message("claude-opus-4-8", 5, "recorded"), headers);
        running.http().get("/v1/models?limit=2");
        running.http().get("/nowhere");

        assertEquals(3, running.sim().requests().size());
        RecordedRequest post = running.sim().requests("/v1/messages").get(0);
        assertEquals("POST", post.method());
        assertNull(post.query());
        assertEquals("Value", post.header("x-custom"));
        assertEquals("Value", post.header("X-CUSTOM"));
        assertTrue(post.headers().containsKey("x-custom"));
        assertNull(post.header("x-absent"));
        assertEquals("recorded", post.json().path("messages").get(0).path("content").asText());
        assertNotNull(post.time());

        RecordedRequest models = running.sim().requests().get(1);
        assertEquals("/v1/models", models.path());
        assertEquals("limit=2", models.query());
        assertEquals("", models.body());
        assertEquals("/nowhere", running.sim().lastRequest().path());

        running.sim().reset();
        assertTrue(running.sim().requests().isEmpty());
        IllegalStateException none = assertThrows(IllegalStateException.class, running.sim()::lastRequest);
        assertTrue(none.getMessage().contains("no request"));
    }

    @Test
    void recordsRejectedRequestsToo() throws Exception {
        Map<String, String> headers = Http.apiHeaders();
        headers.remove("x-api-key");
        running.http().send("POST", "/v1/messages", "not json", headers);

        assertEquals("not json", running.sim().lastRequest().body());
        assertThrows(IllegalStateException.class, () -> running.sim().lastRequest().json());
    }

    static void assertError(HttpResponse<String> r, int status, String type, String message) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        JsonNode body = Http.json(r);
        assertEquals("error", body.path("type").asText(), r.body());
        assertEquals(type, body.path("error").path("type").asText(), r.body());
        if (message != null) {
            assertEquals(message, body.path("error").path("message").asText());
        } else {
            assertFalse(body.path("error").path("message").asText().isBlank());
        }
        assertEquals(r.headers().firstValue("request-id").orElseThrow(), body.path("request_id").asText());
    }
}
