package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Prompt caching, extended thinking and the tool-use round trip, over plain HTTP. */
class SimulatorModelFeaturesTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    /** 400 characters, 100 tokens. */
    private static final String LONG_SYSTEM = "s".repeat(400);

    private static String cachedSystem(String ttl, String user) {
        String control = ttl == null ? "{\"type\":\"ephemeral\"}" : "{\"type\":\"ephemeral\",\"ttl\":\"" + ttl + "\"}";
        return "{\"model\":\"claude-opus-4-8\",\"max_tokens\":50,\"system\":[{\"type\":\"text\",\"text\":\"" + LONG_SYSTEM
                + "\",\"cache_control\":" + control + "}],\"messages\":[{\"role\":\"user\",\"content\":" + Http.quote(user)
                + "}]}";
    }

    private static JsonNode usage(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).path("usage");
    }

    // ---------------------------------------------------------------- prompt caching

    @Test
    void firstRequestWritesTheCacheAndTheNextReadsIt() throws Exception {
        JsonNode first = usage(running.http().post("/v1/messages", cachedSystem(null, "12345678")));
        assertEquals(100, first.path("cache_creation_input_tokens").asLong());
        assertEquals(0, first.path("cache_read_input_tokens").asLong());
        assertEquals(2, first.path("input_tokens").asLong(), "408 chars = 102 tokens, 100 of them cached");
        assertEquals(100, first.path("cache_creation").path("ephemeral_5m_input_tokens").asLong());
        assertEquals(0, first.path("cache_creation").path("ephemeral_1h_input_tokens").asLong());

        JsonNode second = usage(running.http().post("/v1/messages", cachedSystem(null, "another question")));
        assertEquals(0, second.path("cache_creation_input_tokens").asLong());
        assertEquals(100, second.path("cache_read_input_tokens").asLong());
        assertEquals(4, second.path("input_tokens").asLong());
        assertEquals(0, second.path("cache_creation").path("ephemeral_5m_input_tokens").asLong());

        String otherModel = cachedSystem(null, "12345678").replace("claude-opus-4-8", "claude-haiku-4-5");
        assertEquals(100, usage(running.http().post("/v1/messages", otherModel)).path("cache_creation_input_tokens")
                .asLong(), "the cache is per model");
        running.sim().reset();
        assertEquals(100, usage(running.http().post("/v1/messages", cachedSystem(null, "12345678")))
                .path("cache_creation_input_tokens").asLong(), "reset empties the cache");
    }

    @Test
    void oneHourTtlIsReportedApart() throws Exception {
        JsonNode usage = usage(running.http().post("/v1/messages", cachedSystem("1h", "hi")));

        assertEquals(100, usage.path("cache_creation_input_tokens").asLong());
        assertEquals(0, usage.path("cache_creation").path("ephemeral_5m_input_tokens").asLong());
        assertEquals(100, usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong());
    }

    @Test
    void withoutCacheControlNothingIsCached() throws Exception {
        JsonNode usage = usage(running.http().post("/v1/messages", cachedSystem(null, "hi")
                .replace(",\"cache_control\":{\"type\":\"ephemeral\"}", "")));

        assertEquals(0, usage.path("cache_creation_input_tokens").asLong());
        assertEquals(0, usage.path("cache_read_input_tokens").asLong());
        assertEquals(101, usage.path("input_tokens").asLong());
    }

    @Test
    void aMovingBreakpointReadsWhatTheLastTurnWrote() throws Exception {
        String turn1 = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":50,\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + "a".repeat(80)
                + "\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}";
        String turn2 = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":50,\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + "a".repeat(80) + "\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"" + "b".repeat(40) + "\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + "c".repeat(40)
                + "\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}";

        assertEquals(20, usage(running.http().post("/v1/messages", turn1)).path("cache_creation_input_tokens").asLong());
        JsonNode second = usage(running.http().post("/v1/messages", turn2));
        assertEquals(20, second.path("cache_read_input_tokens").asLong());
        assertEquals(20, second.path("cache_creation_input_tokens").asLong(), "160 chars = 40 tokens, 20 read");
        assertEquals(0, second.path("input_tokens").asLong());
    }

    @Test
    void toolsAreCachedFirst() throws Exception {
        String tool = "{\"name\":\"get_weather\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"}";
        String body = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":50,\"tools\":[" + tool
                + ",\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        long toolTokens = Conversation.tokens((tool + "}").length());

        JsonNode usage = usage(running.http().post("/v1/messages", body));
        assertEquals(toolTokens, usage.path("cache_creation_input_tokens").asLong());
        assertEquals(toolTokens, usage(running.http().post("/v1/messages", body)).path("cache_read_input_tokens")
                .asLong());
    }

    @Test
    void atMostFourBreakpoints() throws Exception {
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            blocks.append(i == 0 ? "" : ",").append("{\"type\":\"text\",\"text\":\"t").append(i)
                    .append("\",\"cache_control\":{\"type\":\"ephemeral\"}}");
        }
        String body = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":["
                + blocks + "]}]}";

        SimulatorApiTest.assertError(running.http().post("/v1/messages", body), 400, "invalid_request_error",
                "A maximum of 4 blocks with cache_control may be provided. Found 5.");
        SimulatorApiTest.assertError(running.http().post("/v1/messages", cachedSystem("2h", "x")), 400,
                "invalid_request_error", "system.0.cache_control.ttl: Input should be '5m' or '1h'");
    }

    @Test
    void cachedPrefixesExpire() {
        Instant[] now = { Instant.parse("2026-11-25T12:00:00Z") };
        PromptCache cache = new PromptCache(new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        JsonNode fiveMinutes = json(cachedSystem(null, "x"));
        JsonNode oneHour = json(cachedSystem("1h", "x").replace("claude-opus-4-8", "claude-haiku-4-5"));

        assertEquals(100, cache.use(fiveMinutes).creation5m());
        assertEquals(100, cache.use(oneHour).creation1h());
        now[0] = now[0].plus(Duration.ofMinutes(4));
        assertEquals(100, cache.use(fiveMinutes).read(), "read, and refreshed for 5 more minutes");
        now[0] = now[0].plus(Duration.ofMinutes(4));
        assertEquals(100, cache.use(fiveMinutes).read());
        now[0] = now[0].plus(Duration.ofMinutes(6));
        assertEquals(100, cache.use(fiveMinutes).creation5m(), "expired");
        assertEquals(100, cache.use(oneHour).read());
        now[0] = now[0].plus(Duration.ofMinutes(61));
        assertEquals(0, cache.use(oneHour).read());
    }

    private static JsonNode json(String s) {
        try {
            return Http.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- extended thinking

    private static String thinking(int budget, int maxTokens, String user, boolean stream) {
        return "{" + (stream ? "\"stream\":true," : "") + "\"model\":\"claude-opus-4-8\",\"max_tokens\":" + maxTokens
                + ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":" + budget + "},"
                + "\"messages\":[{\"role\":\"user\",\"content\":" + Http.quote(user) + "}]}";
    }

    @Test
    void thinkingComesBeforeTheText() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", thinking(1024, 2048, "why is the sky blue", false));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode m = Http.json(r);

        assertEquals(2, m.path("content").size());
        JsonNode think = m.path("content").get(0);
        assertEquals("thinking", think.path("type").asText());
        assertEquals("Thinking about: why is the sky blue", think.path("thinking").asText());
        assertEquals(Answers.signature("Thinking about: why is the sky blue"), think.path("signature").asText());
        assertTrue(think.path("signature").asText().matches("sig_sim_[0-9a-f]{32}"));
        assertEquals("Echo: why is the sky blue", m.path("content").get(1).path("text").asText());
        assertEquals(7 + 6, m.path("usage").path("output_tokens").asInt(), "thinking words count as output");
        assertEquals("end_turn", m.path("stop_reason").asText());
    }

    @Test
    void thinkingStreamsWithThinkingAndSignatureDeltas() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", thinking(1500, 4000, "two words", true));
        List<Http.Event> events = Http.events(r.body());

        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "content_block_start", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop"), Http.names(events));
        JsonNode start = events.get(1).data();
        assertEquals(0, start.path("index").asInt());
        assertEquals("{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}", start.path("content_block").toString());
        StringBuilder thought = new StringBuilder();
        for (int i = 3; i <= 6; i++) {
            JsonNode delta = events.get(i).data().path("delta");
            assertEquals("thinking_delta", delta.path("type").asText());
            assertEquals(0, events.get(i).data().path("index").asInt());
            thought.append(delta.path("thinking").asText());
        }
        assertEquals("Thinking about: two words", thought.toString());
        JsonNode signature = events.get(7).data().path("delta");
        assertEquals("signature_delta", signature.path("type").asText());
        assertEquals(Answers.signature("Thinking about: two words"), signature.path("signature").asText());
        assertEquals(1, events.get(9).data().path("index").asInt());
        assertEquals("text", events.get(9).data().path("content_block").path("type").asText());
        assertEquals(1, events.get(10).data().path("index").asInt());
    }

    @Test
    void thinkingBudgetIsChecked() throws Exception {
        SimulatorApiTest.assertError(running.http().post("/v1/messages", thinking(1023, 4000, "x", false)), 400,
                "invalid_request_error", "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
        HttpResponse<String> notBelowMax = running.http().post("/v1/messages", thinking(2048, 2048, "x", false));
        SimulatorApiTest.assertError(notBelowMax, 400, "invalid_request_error", null);
        assertTrue(Http.json(notBelowMax).path("error").path("message").asText()
                .startsWith("`max_tokens` must be greater than `thinking.budget_tokens`."));
        SimulatorApiTest.assertError(running.http().post("/v1/messages",
                thinking(2048, 4000, "x", false).replace("\"budget_tokens\":2048", "\"budget\":2048")), 400,
                "invalid_request_error", "thinking.enabled.budget_tokens: Field required");
        SimulatorApiTest.assertError(running.http().post("/v1/messages",
                thinking(2048, 4000, "x", false).replace("\"enabled\"", "\"sometimes\"")), 400, "invalid_request_error",
                null);
        String disabled = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":10,\"thinking\":{\"type\":\"disabled\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        assertEquals(1, Http.json(running.http().post("/v1/messages", disabled)).path("content").size());
        String adaptive = disabled.replace("disabled", "adaptive");
        assertEquals("thinking",
                Http.json(running.http().post("/v1/messages", adaptive)).path("content").get(0).path("type").asText());
    }

    private static String history(String thinkingBlock) {
        return "{\"model\":\"claude-opus-4-8\",\"max_tokens\":4000,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":"
                + "1024},\"messages\":[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":["
                + thinkingBlock + ",{\"type\":\"text\",\"text\":\"Echo: first\"}]},"
                + "{\"role\":\"user\",\"content\":\"second\"}]}";
    }

    @Test
    void thinkingBlocksSentBackMustKeepTheirSignature() throws Exception {
        String text = "Thinking about: first";
        String valid = "{\"type\":\"thinking\",\"thinking\":\"" + text + "\",\"signature\":\"" + Answers.signature(text)
                + "\"}";
        HttpResponse<String> ok = running.http().post("/v1/messages", history(valid));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("Echo: second", Http.json(ok).path("content").get(1).path("text").asText());
        assertEquals(200, running.http().post("/v1/messages",
                history("{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy3va\"}")).statusCode());
        assertEquals(200, running.http().post("/v1/messages",
                history("{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"EqQBCgIYAhIM\"}")).statusCode(),
                "a signature the simulator did not make is taken as it is");

        SimulatorApiTest.assertError(running.http().post("/v1/messages",
                history("{\"type\":\"thinking\",\"thinking\":\"" + text + "\"}")), 400, "invalid_request_error",
                "messages.1.content.0.thinking.signature: Field required");
        SimulatorApiTest.assertError(running.http().post("/v1/messages",
                history("{\"type\":\"thinking\",\"thinking\":\"" + text + "\",\"signature\":\" \"}")), 400,
                "invalid_request_error", "messages.1.content.0: Invalid `signature` in `thinking` block");
        SimulatorApiTest.assertError(running.http().post("/v1/messages",
                history(valid.replace("first", "changed"))), 400, "invalid_request_error",
                "messages.1.content.0: Invalid `signature` in `thinking` block");
        SimulatorApiTest.assertError(running.http().post("/v1/messages",
                history("{\"type\":\"redacted_thinking\"}")), 400, "invalid_request_error",
                "messages.1.content.0.redacted_thinking.data: Field required");
    }

    // ---------------------------------------------------------------- tool use round trip

    @Test
    void toolResultReachesTheModel() throws Exception {
        running.sim().enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\"}"));
        JsonNode call = Http.json(running.http().post("/v1/messages", Http.message("claude-opus-4-8", 100, "weather?")));
        JsonNode toolUse = call.path("content").get(0);
        assertEquals("tool_use", toolUse.path("type").asText());

        String followUp = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":100,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"weather?\"},"
                + "{\"role\":\"assistant\",\"content\":[" + toolUse + "]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\""
                + toolUse.path("id").asText() + "\",\"content\":\"18 degrees, sunny\"}]}]}";
        HttpResponse<String> r = running.http().post("/v1/messages", followUp);

        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = Http.json(r);
        assertEquals("Echo: 18 degrees, sunny", answer.path("content").get(0).path("text").asText());
        assertEquals("end_turn", answer.path("stop_reason").asText());

        String blocks = followUp.replace("\"content\":\"18 degrees, sunny\"",
                "\"content\":[{\"type\":\"text\",\"text\":\"18\"},{\"type\":\"text\",\"text\":\"degrees\"}]");
        assertEquals("Echo: 18 degrees",
                Http.json(running.http().post("/v1/messages", blocks)).path("content").get(0).path("text").asText());
    }

    @Test
    void streamedToolInputComesInPartialJsonChunks() throws Exception {
        String input = "{\"city\":\"Paris\",\"units\":\"metric\",\"days\":[1,2,3]}";
        running.sim().enqueue(Fault.toolUse("get_weather", input));
        List<Http.Event> events = Http.events(
                running.http().post("/v1/messages", Http.streamedMessage("claude-opus-4-8", 100, "weather?")).body());

        StringBuilder json = new StringBuilder();
        int chunks = 0;
        for (Http.Event e : events) {
            if (e.name().equals("content_block_delta")) {
                assertEquals("input_json_delta", e.data().path("delta").path("type").asText());
                json.append(e.data().path("delta").path("partial_json").asText());
                chunks++;
            }
        }
        assertTrue(chunks > 2, "several chunks: " + chunks);
        assertEquals(Http.MAPPER.readTree(input), Http.MAPPER.readTree(json.toString()));
        assertFalse(events.get(1).data().path("content_block").path("input").isMissingNode());
    }
}
