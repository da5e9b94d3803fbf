package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The faults of a broken wire: odd bodies, redirects, huge, dripped, stalled, reset and corrupt answers, and the
 * connection accounting that shows a client closed what it opened. Checked as a client sees them on the wire.
 */
class SimulatorWireFaultTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    private static final String MESSAGE = Http.message("claude-opus-4-8", 100, "one two three");
    private static final String STREAM = Http.streamedMessage("claude-opus-4-8", 100, "one two three");

    // ---------------------------------------------------------------- body, redirect, plain JSON

    @Test
    void bodyIsSentAsItIs() throws Exception {
        running.sim().enqueue(Fault.body(200, "application/json", "{\"id\":\"msg_"), Fault.body(200, null, ""),
                Fault.body(200, "text/html", "<html>hi</html>"), Fault.body(200, "application/json", "[]"),
                Fault.body(200, "application/json", "{}"), Fault.body(418, "text/plain; charset=utf-8", "tea ☕"));

        assertBody(running.http().post("/v1/messages", MESSAGE), 200, "application/json", "{\"id\":\"msg_");
        assertBody(running.http().post("/v1/messages", MESSAGE), 200, null, "");
        assertBody(running.http().post("/v1/messages", MESSAGE), 200, "text/html", "<html>hi</html>");
        assertBody(running.http().post("/v1/messages", MESSAGE), 200, "application/json", "[]");
        assertBody(running.http().post("/v1/messages", STREAM), 200, "application/json", "{}");
        assertBody(running.http().post("/v1/messages", MESSAGE), 418, "text/plain; charset=utf-8", "tea ☕");
        assertEquals(6, running.sim().stats().total());
    }

    private static void assertBody(HttpResponse<String> r, int status, String contentType, String body) {
        assertEquals(status, r.statusCode());
        assertEquals(contentType, r.headers().firstValue("content-type").orElse(null));
        assertEquals(body, r.body());
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length,
                Long.parseLong(r.headers().firstValue("content-length").orElseThrow()));
        assertTrue(r.headers().firstValue("request-id").isPresent());
    }

    @Test
    void bodyChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> Fault.body(99, null, ""));
        assertThrows(NullPointerException.class, () -> Fault.body(200, null, null));
    }

    @Test
    void redirectHasALocationAndAShortPage() throws Exception {
        running.sim().enqueue(Fault.redirect(307, "https://example.com/v1/messages?a=1&b=2"), Fault.redirect(301, "/elsewhere"));

        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE); // the JDK client follows none
        assertEquals(307, r.statusCode());
        assertEquals("https://example.com/v1/messages?a=1&b=2", r.headers().firstValue("location").orElseThrow());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("https://example.com/v1/messages?a=1&amp;b=2"), r.body());
        assertEquals("/elsewhere", running.http().post("/v1/messages", MESSAGE).headers().firstValue("location").orElseThrow());

        assertThrows(IllegalArgumentException.class, () -> Fault.redirect(200, "/x"));
        assertThrows(IllegalArgumentException.class, () -> Fault.redirect(400, "/x"));
        assertThrows(NullPointerException.class, () -> Fault.redirect(302, null));
    }

    @Test
    void plainJsonAnswerIgnoresStreaming() throws Exception {
        running.sim().enqueue(Fault.plainJsonAnswer(), Fault.plainJsonAnswer());

        for (String request : List.of(STREAM, MESSAGE)) {
            HttpResponse<String> r = running.http().post("/v1/messages", request);
            assertEquals(200, r.statusCode());
            assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
            JsonNode m = Http.json(r);
            assertEquals("message", m.path("type").asText());
            assertEquals("Echo: one two three", m.path("content").get(0).path("text").asText());
            assertEquals("end_turn", m.path("stop_reason").asText());
        }
    }

    // ---------------------------------------------------------------- large body

    @Test
    void largeBodyIsExactlyThatLongAndValidJson() throws Exception {
        running.sim().enqueue(Fault.largeBody(3_000_000));
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertFalse(r.headers().firstValue("content-length").isPresent(), "chunked");
        assertEquals(3_000_000, r.body().length());
        assertTrue(r.body().startsWith(
                "{\"id\":\"msg_big\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"xxx"));
        JsonNode m = Http.json(r);
        assertEquals(3_000_000 - 208, m.path("content").get(0).path("text").asText().length());
        assertEquals("end_turn", m.path("stop_reason").asText());
        assertEquals(3_000_000, running.sim().stats().bodyBytesWritten());
        assertEquals(1, running.sim().stats().count(200));
    }

    @Test
    void largeBodyWithContentLength() throws Exception {
        running.sim().enqueue(Fault.largeBody(1_000_001).withContentLength(), Fault.largeBody(208).withContentLength());

        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            RawHttp.Head head = raw.head();
            assertEquals("1000001", head.header("content-length"));
            assertNull(head.header("transfer-encoding"));
            JsonNode m = Http.MAPPER.readTree(raw.read(1_000_001));
            assertEquals(1_000_001 - 208, m.path("content").get(0).path("text").asText().length());
        }
        HttpResponse<String> smallest = running.http().post("/v1/messages", MESSAGE);
        assertEquals("208", smallest.headers().firstValue("content-length").orElseThrow());
        assertEquals("", Http.json(smallest).path("content").get(0).path("text").asText());
    }

    @Test
    void largeBodyChecksItsArguments() {
        assertEquals(208, Exchange.LARGE_BODY_MIN_BYTES, "as the javadoc of Fault.largeBody says");
        assertThrows(IllegalArgumentException.class, () -> Fault.largeBody(207));
        assertThrows(IllegalStateException.class, () -> Fault.overloaded().withContentLength());
    }

    @Test
    void largeBodyStopsWhenTheClientCloses() throws Exception {
        long open = running.sim().stats().openConnections();
        running.sim().enqueue(Fault.largeBody(200_000_000L));
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            assertEquals(200, raw.head().status());
            assertEquals(100_000, raw.read(100_000).length);
        }
        RawHttp.await(() -> running.sim().stats().openConnections() == open, "the connection is closed");
        long written = running.sim().stats().bodyBytesWritten();
        Thread.sleep(100);
        assertEquals(written, running.sim().stats().bodyBytesWritten(), "no more writes");
        assertTrue(written < 50_000_000, "wrote " + written + " bytes for a client that read 100 kB");
        assertEquals(200, running.http().post("/v1/messages", MESSAGE).statusCode());
    }

    // ---------------------------------------------------------------- resets

    @Test
    void resetIsAConnectionResetForTheJdkClient() throws Exception {
        running.sim().enqueue(Fault.reset());

        IOException e = assertThrows(IOException.class, () -> running.http().post("/v1/messages", MESSAGE));
        assertTrue(mentionsReset(e), "a reset, not an end of stream: " + e);
        assertEquals(1, running.sim().stats().dropped());
        assertEquals(1, running.sim().stats().total());
        assertEquals(1, running.sim().requests().size());
        assertEquals(200, running.http().post("/v1/messages", MESSAGE).statusCode(), "the next request is answered");
    }

    @Test
    void resetSendsAnRstWhereDropSendsAFin() throws Exception {
        running.sim().enqueue(Fault.reset(), Fault.dropConnection());

        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            RawHttp.Rest rest = raw.readToEnd();
            assertEquals(0, rest.bytes().length);
            assertTrue(rest.failure() instanceof SocketException && mentionsReset(rest.failure()), "" + rest.failure());
        }
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            RawHttp.Rest rest = raw.readToEnd();
            assertEquals(0, rest.bytes().length);
            assertNull(rest.failure(), "a plain end of stream");
        }
        assertEquals(2, running.sim().stats().dropped());
    }

    @Test
    void resetDuringBodySendsHalfTheMessageThenAnRst() throws Exception {
        running.sim().enqueue(Fault.resetDuringBody().header("x-sim", "yes"));
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            RawHttp.Head head = raw.head();
            assertEquals(200, head.status());
            assertEquals("application/json", head.header("content-type"));
            assertEquals("yes", head.header("x-sim"));
            int length = Integer.parseInt(head.header("content-length"));
            RawHttp.Rest rest = raw.readToEnd();
            assertEquals(length / 2, rest.bytes().length);
            assertTrue(new String(rest.bytes(), StandardCharsets.UTF_8).startsWith("{\"id\":\"msg_sim_"));
            assertTrue(mentionsReset(rest.failure()), "" + rest.failure());
        }
        assertEquals(1, running.sim().stats().dropped());
        assertEquals(0, running.sim().stats().count(200), "counted as dropped, not as a 200");

        running.sim().enqueue(Fault.resetDuringBody());
        IOException e = assertThrows(IOException.class, () -> running.http().post("/v1/messages", MESSAGE));
        assertTrue(mentionsReset(e), "" + e);
    }

    @Test
    void resetDuringBodyOfAStreamSendsTheFirstDelta() throws Exception {
        running.sim().enqueue(Fault.resetDuringBody());
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", STREAM)) {
            RawHttp.Head head = raw.head();
            assertEquals(200, head.status());
            assertTrue(head.header("content-type").startsWith("text/event-stream"));
            assertEquals("chunked", head.header("transfer-encoding"));
            RawHttp.Rest rest = raw.readToEnd();
            List<Http.Event> events = Http.events(RawHttp.dechunk(rest.bytes()));
            assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta"), Http.names(events));
            assertTrue(mentionsReset(rest.failure()), "" + rest.failure());
        }
        assertEquals(1, running.sim().stats().dropped());
    }

    private static boolean mentionsReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- drip

    @Test
    void dripSendsTheHeadAtOnceThenABytePerIntervalAndStopsWhenTheClientCloses() throws Exception {
        long open = running.sim().stats().openConnections();
        running.sim().enqueue(Fault.drip(Duration.ofMillis(40)));
        int length;
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            long start = System.nanoTime();
            RawHttp.Head head = raw.head();
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "the head comes at once");
            assertEquals(200, head.status());
            assertEquals("application/json", head.header("content-type"));
            length = Integer.parseInt(head.header("content-length"));
            long bodyStart = System.nanoTime();
            assertEquals("{\"id\":", new String(raw.read(6), StandardCharsets.UTF_8));
            long tookMs = (System.nanoTime() - bodyStart) / 1_000_000;
            assertTrue(tookMs >= 5 * 40 * 8 / 10, "6 bytes 40 ms apart took only " + tookMs + " ms");
        }
        RawHttp.await(() -> running.sim().stats().openConnections() == open, "the connection is closed");
        long written = running.sim().stats().bodyBytesWritten();
        Thread.sleep(120);
        assertEquals(written, running.sim().stats().bodyBytesWritten(), "no more bytes after the client closed");
        assertTrue(written < length, written + " of " + length);
    }

    @Test
    void dripDeliversTheWholeRegularAnswer() throws Exception {
        running.sim().enqueue(Fault.drip(Duration.ofMillis(1)));
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        assertEquals(200, r.statusCode());
        assertEquals("Echo: one two three", Http.json(r).path("content").get(0).path("text").asText());
    }

    @Test
    void dripOfAStreamDripsTheEvents() throws Exception {
        running.sim().enqueue(Fault.drip(Duration.ofMillis(20)));
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", STREAM)) {
            RawHttp.Head head = raw.head();
            assertTrue(head.header("content-type").startsWith("text/event-stream"));
            assertEquals("1\r\ne\r\n1\r\nv\r\n", new String(raw.read(12), StandardCharsets.US_ASCII), "one byte a chunk");
        }
        RawHttp.await(() -> running.sim().stats().streamsClosedByClient() == 1, "the stream is seen closed");
    }

    // ---------------------------------------------------------------- stalls

    @Test
    void stallBeforeFirstEventHoldsTheStreamOpenUntilTheClientCloses() throws Exception {
        long open = running.sim().stats().openConnections();
        running.sim().enqueue(Fault.stallBeforeFirstEvent());
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", STREAM)) {
            RawHttp.Head head = raw.head();
            assertEquals(200, head.status());
            assertTrue(head.header("content-type").startsWith("text/event-stream"));
            assertEquals("", raw.readFor(300), "nothing after the head");
            assertEquals(open + 1, running.sim().stats().openConnections(), "still open");
            assertEquals(0, running.sim().stats().streamsClosedByClient());
        }
        RawHttp.await(() -> running.sim().stats().streamsClosedByClient() == 1, "the stream is seen closed");
        RawHttp.await(() -> running.sim().stats().openConnections() == open, "the connection is closed");
        assertEquals(1, running.sim().stats().count(200));
    }

    @Test
    void stallAfterFirstEventSendsMessageStartOnly() throws Exception {
        running.sim().enqueue(Fault.stallAfterFirstEvent());
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", STREAM)) {
            assertEquals(200, raw.head().status());
            String sent = raw.readFor(300);
            assertTrue(sent.contains("event: message_start\ndata: {\"type\":\"message_start\""), sent);
            assertFalse(sent.contains("content_block_start"), sent);
            assertEquals("", raw.readFor(200), "and then nothing");
        }
        RawHttp.await(() -> running.sim().stats().streamsClosedByClient() == 1, "the stream is seen closed");
    }

    @Test
    void stallOfANonStreamRequestIsAJsonHeadWithoutBody() throws Exception {
        long open = running.sim().stats().openConnections();
        running.sim().enqueue(Fault.stallAfterFirstEvent());
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            RawHttp.Head head = raw.head();
            assertEquals(200, head.status());
            assertEquals("application/json", head.header("content-type"));
            assertTrue(Integer.parseInt(head.header("content-length")) > 100);
            assertEquals("", raw.readFor(300));
        }
        RawHttp.await(() -> running.sim().stats().openConnections() == open, "the connection is closed");
        assertEquals(0, running.sim().stats().streamsClosedByClient(), "not a stream");
    }

    // ---------------------------------------------------------------- garbage and corrupt events

    @Test
    void garbageSseLinesAreIgnorableAndTheAnswerIsTheSame() throws Exception {
        List<Http.Event> regular = Http.events(running.http().post("/v1/messages", STREAM).body());
        running.sim().enqueue(Fault.garbageSseLines());
        String body = running.http().post("/v1/messages", STREAM).body();

        for (String junk : List.of("\n: keep-alive\n", "\nfoo: bar\n", "\nretry: 1000\n", "\nid: 7\n", "\n\n\n")) {
            assertTrue(body.contains(junk), junk + " in " + body);
        }
        assertTrue(body.startsWith(": keep-alive\n\n"), "an event of only a comment");
        assertThrows(AssertionError.class, () -> Http.events(body), "not the plain event/data form");
        List<Http.Event> events = sse(body);
        assertEquals(Http.names(regular), Http.names(events));
        assertEquals("Echo: one two three", text(events));
        for (int i = 1; i < events.size() - 1; i++) { // message_start and message_delta have ids and usage
            assertEquals(regular.get(i).data(), events.get(i).data());
        }
    }

    @Test
    void garbageSseLinesAreSkippedByTheOfficialSdk() {
        running.sim().enqueue(Fault.garbageSseLines());
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(
                MessageCreateParams.builder().model("claude-opus-4-8").maxTokens(100).addUserMessage("one two three").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        assertEquals("Echo: one two three", accumulator.message().content().get(0).asText().text());
    }

    @Test
    void garbageSseLinesOnANonStreamRequestIsTheRegularAnswer() throws Exception {
        running.sim().enqueue(Fault.garbageSseLines());
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("Echo: one two three", Http.json(r).path("content").get(0).path("text").asText());
    }

    @Test
    void corruptEventBreaksOneDeltaAndTheStreamGoesOnToItsEnd() throws Exception {
        running.sim().enqueue(Fault.corruptEvent(1));
        String body = running.http().post("/v1/messages", STREAM).body();

        List<String> names = new ArrayList<>();
        List<String> corrupt = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String block : body.split("\n\n")) {
            String[] lines = block.split("\n");
            String name = lines[0].substring("event: ".length());
            String data = lines[1].substring("data: ".length());
            names.add(name);
            try {
                text.append(Http.MAPPER.readTree(data).path("delta").path("text").asText());
            } catch (JsonProcessingException e) {
                corrupt.add(name + " " + data);
            }
        }
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"), names);
        assertEquals(List.of("content_block_delta {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"text_delta\",\"text\":\"on"), corrupt, "the second delta, cut in its text ('one ')");
        assertEquals("Echo: two three", text.toString(), "what a client that skips the bad event would show");
    }

    @Test
    void corruptEventAfterTheLastDeltaStillComes() throws Exception {
        running.sim().enqueue(Fault.corruptEvent(99));
        String body = running.http().post("/v1/messages", STREAM).body();

        String[] blocks = body.split("\n\n");
        assertEquals("event: message_stop", blocks[blocks.length - 1].split("\n")[0]);
        assertEquals("event: content_block_stop", blocks[blocks.length - 3].split("\n")[0]);
        String last = blocks[blocks.length - 4];
        assertTrue(last.startsWith("event: content_block_delta\ndata: {\"type\":\"content_block_delta\""), last);
        assertThrows(JsonProcessingException.class, () -> Http.MAPPER.readTree(last.split("\n")[1].substring(6)));
    }

    @Test
    void corruptEventOnANonStreamRequestIsACleanButMalformed200() throws Exception {
        running.sim().enqueue(Fault.corruptEvent(0));
        HttpResponse<String> r = running.http().post("/v1/messages", MESSAGE);

        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals(r.body().length(), Integer.parseInt(r.headers().firstValue("content-length").orElseThrow()));
        assertTrue(r.body().startsWith("{\"id\":\"msg_sim_"), r.body());
        assertThrows(JsonProcessingException.class, () -> Http.json(r));
    }

    /** Parses SSE as the spec says: comments and unknown fields ignored, blank lines dispatch, empty events skipped. */
    private static List<Http.Event> sse(String body) throws JsonProcessingException {
        List<Http.Event> events = new ArrayList<>();
        String name = null;
        StringBuilder data = null;
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Http.Event(name == null ? "message" : name, Http.MAPPER.readTree(data.toString())));
                }
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return events;
    }

    private static String text(List<Http.Event> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.name().equals("content_block_delta"))
                .forEach(e -> text.append(e.data().path("delta").path("text").asText()));
        return text.toString();
    }

    // ---------------------------------------------------------------- connections, withers, toString

    @Test
    void openConnectionsGoesBackDownWhenTheClientCloses() throws Exception {
        long open = running.sim().stats().openConnections();
        try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
            assertEquals(200, raw.head().status());
            assertEquals(open + 1, running.sim().stats().openConnections());
            assertTrue(running.sim().stats().connectionsOpened() >= 1);

            running.sim().reset();
            assertEquals(0, running.sim().stats().connectionsOpened(), "reset zeroes the totals");
            assertEquals(open + 1, running.sim().stats().openConnections(), "but not what is open");
        }
        RawHttp.await(() -> running.sim().stats().openConnections() == open, "the connection is closed");
    }

    @Test
    void connectionsOpenedCountsEachConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RawHttp raw = new RawHttp(running.sim(), "/v1/messages", MESSAGE)) {
                assertEquals(200, raw.head().status());
            }
        }
        assertEquals(3, running.sim().stats().connectionsOpened());
    }

    @Test
    void theNewFaultsHonourDelayAndHeaders() throws Exception {
        running.sim().enqueue(Fault.plainJsonAnswer().delayed(Duration.ofMillis(200)).header("x-sim", "yes"),
                Fault.reset().delayed(Duration.ofMillis(200)));

        long start = System.nanoTime();
        HttpResponse<String> r = running.http().post("/v1/messages", STREAM);
        assertTrue(System.nanoTime() - start >= 200_000_000L);
        assertEquals("yes", r.headers().firstValue("x-sim").orElseThrow());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());

        start = System.nanoTime();
        assertThrows(IOException.class, () -> running.http().post("/v1/messages", MESSAGE));
        assertTrue(System.nanoTime() - start >= 200_000_000L);
    }

    @Test
    void toStringDescribesTheNewFaults() {
        assertEquals("Fault[LARGE_BODY 200000000 bytes chunked]", Fault.largeBody(200_000_000L).toString());
        assertEquals("Fault[LARGE_BODY 1000 bytes content-length]", Fault.largeBody(1000).withContentLength().toString());
        assertEquals("Fault[DRIP byteEvery=PT0.05S]", Fault.drip(Duration.ofMillis(50)).toString());
        assertEquals("Fault[STALL beforeFirstEvent]", Fault.stallBeforeFirstEvent().toString());
        assertEquals("Fault[STALL afterFirstEvent]", Fault.stallAfterFirstEvent().toString());
        assertEquals("Fault[CORRUPT_EVENT afterDeltas=2]", Fault.corruptEvent(2).toString());
        assertEquals("Fault[RESET delay=PT1S]", Fault.reset().delayed(Duration.ofSeconds(1)).toString());
        assertNotNull(Fault.resetDuringBody().toString());
        assertEquals("Fault[RAW 302 content-type=text/html; charset=utf-8 body=58 chars headers={location=/x}]",
                Fault.redirect(302, "/x").toString().replaceAll("body=\\d+", "body=58"));
        assertNotEquals(Fault.garbageSseLines().toString(), Fault.plainJsonAnswer().toString());
    }
}
