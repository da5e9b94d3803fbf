package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The SSE form of the messages answer. */
class SimulatorStreamTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    @Test
    void streamsTheApiEventSequence() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", Http.streamedMessage("claude-sonnet-5-5", 100, "hello brave new world"));

        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        assertTrue(r.headers().firstValue("request-id").orElseThrow().startsWith("req_sim_"));
        List<Http.Event> events = Http.events(r.body());
        assertEquals(List.of("message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop"), Http.names(events));
        for (Http.Event e : events) {
            assertEquals(e.name(), e.data().path("type").asText(), "data.type matches the event name");
        }

        JsonNode message = events.get(0).data().path("message");
        assertTrue(message.path("id").asText().startsWith("msg_sim_"));
        assertEquals("message", message.path("type").asText());
        assertEquals("assistant", message.path("role").asText());
        assertEquals("claude-sonnet-5-5", message.path("model").asText());
        assertEquals(0, message.path("content").size());
        assertTrue(message.path("stop_reason").isNull());
        assertEquals(6, message.path("usage").path("input_tokens").asLong()); // 21 chars
        assertEquals(1, message.path("usage").path("output_tokens").asLong());

        assertEquals(Http.MAPPER.readTree("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                events.get(1).data());
        assertEquals(Http.MAPPER.readTree("{\"type\":\"ping\"}"), events.get(2).data());
        StringBuilder text = new StringBuilder();
        for (Http.Event e : events.subList(3, 8)) {
            assertEquals(0, e.data().path("index").asInt());
            assertEquals("text_delta", e.data().path("delta").path("type").asText());
            text.append(e.data().path("delta").path("text").asText());
        }
        assertEquals("Echo: ", events.get(3).data().path("delta").path("text").asText());
        assertEquals("Echo: hello brave new world", text.toString());
        assertEquals(Http.MAPPER.readTree("{\"type\":\"content_block_stop\",\"index\":0}"), events.get(8).data());
        assertEquals(Http.MAPPER.readTree("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}"), events.get(9).data());
        assertEquals(Http.MAPPER.readTree("{\"type\":\"message_stop\"}"), events.get(10).data());
    }

    @Test
    void streamStopsAtMaxTokens() throws Exception {
        List<Http.Event> events = Http.events(
                running.http().post("/v1/messages", Http.streamedMessage("claude-opus-4-8", 2, "a b c d")).body());

        List<Http.Event> deltas = events.stream().filter(e -> e.name().equals("content_block_delta")).toList();
        assertEquals(2, deltas.size());
        assertEquals("a", deltas.get(1).data().path("delta").path("text").asText());
        JsonNode messageDelta = events.get(events.size() - 2).data();
        assertEquals("max_tokens", messageDelta.path("delta").path("stop_reason").asText());
        assertEquals(2, messageDelta.path("usage").path("output_tokens").asLong());
    }

    @Test
    void invalidStreamRequestsGetPlainJsonErrors() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", Http.streamedMessage("claude-nope", 5, "x"));

        SimulatorApiTest.assertError(r, 404, "not_found_error", "model: claude-nope");
    }

    @Test
    void aSlowStreamSpacesItsEventsAndTheSameAnswerArrives() throws Exception {
        String request = Http.streamedMessage("claude-sonnet-5-5", 100, "hello brave new world");
        List<Http.Event> fast = Http.events(running.http().post("/v1/messages", request).body());
        running.sim().enqueue(Fault.slowStream(java.time.Duration.ofMillis(30)));

        long start = System.nanoTime();
        HttpResponse<String> slow = running.http().post("/v1/messages", request);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(200, slow.statusCode());
        List<Http.Event> events = Http.events(slow.body());
        assertEquals(Http.names(fast), Http.names(events), "the same events, only slower");
        assertTrue(tookMs >= (events.size() - 1) * 30 * 8 / 10, "11 events 30 ms apart took only " + tookMs + " ms");
        assertEquals(0, running.sim().stats().streamsClosedByClient(), "a stream read to its end was not cut short");
    }
}
