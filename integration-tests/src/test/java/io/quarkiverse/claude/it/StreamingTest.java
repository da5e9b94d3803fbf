package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.model.ToolUseBlock;
import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageDeltaEvent;
import io.quarkiverse.claude.model.stream.StreamDelta;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.model.stream.UnknownEvent;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Streamed answers: typed events, accumulation, errors inside the stream, truncation. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class StreamingTest extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClaudeClient claude;



    @Test
    void streamsTypedEventsInTheApiOrder() {
        List<StreamEvent> events = claude.messages().stream(MessageRequest.of("stream this answer"))
                .collect().asList().await().atMost(WAIT);

        List<String> types = events.stream().map(StreamEvent::type).distinct().toList();
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop"), types);
        assertTrue(simulator.lastRequest().json().get("stream").asBoolean(), "the request asks for a stream");
        assertEquals(512, simulator.lastRequest().json().get("max_tokens").asInt(), "defaults apply to streams too");
        MessageDeltaEvent delta = events.stream().filter(MessageDeltaEvent.class::isInstance)
                .map(MessageDeltaEvent.class::cast).findFirst().orElseThrow();
        assertEquals(StopReason.END_TURN, delta.delta().stopReason());
    }

    @Test
    void accumulatesTheFinalMessage() {
        Message message = claude.messages().stream(MessageRequest.of("accumulate me please"))
                .collect().in(MessageAccumulator::new, MessageAccumulator::accept)
                .await().atMost(WAIT).message();

        assertEquals("Echo: accumulate me please", message.text());
        assertEquals(StopReason.END_TURN, message.stopReason());
        assertEquals(4, message.usage().outputTokens(), "usage comes from message_delta");
        assertTrue(message.usage().inputTokens() > 0, "input usage comes from message_start");
    }

    @Test
    void closingTheStreamEarlyClosesTheConnection() throws InterruptedException {
        // a slow generation: one event every 200 ms, a dozen of them
        simulator.enqueue(Fault.slowStream(Duration.ofMillis(200)));
        try (Stream<StreamEvent> events = claude.messages()
                .streamEvents(MessageRequest.of("tell me a long story that I will not finish"))) {
            assertEquals(2, events.limit(2).count());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (simulator.stats().streamsClosedByClient() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, simulator.stats().streamsClosedByClient(),
                "the simulator saw the client close the stream before its last event");
    }

    @Test
    void blockingConveniences() {
        List<String> pieces = new ArrayList<>();
        Message message = claude.messages().stream(MessageRequest.of("one two three"), pieces::add);
        assertEquals("Echo: one two three", String.join("", pieces));
        assertTrue(pieces.size() > 1, "the text arrives in pieces");
        assertEquals("Echo: one two three", message.text());

        try (Stream<StreamEvent> events = claude.messages().streamEvents(MessageRequest.of("iterate"))) {
            assertEquals("Echo: iterate", events.map(StreamEvent::textOrNull).filter(t -> t != null)
                    .reduce("", String::concat));
        }
    }

    @Test
    void errorEventAfterContentIsTypedAndFlagged() {
        simulator.enqueue(Fault.streamError(2, "overloaded_error", "Overloaded"));
        List<StreamEvent> received = new ArrayList<>();

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages()
                .stream(MessageRequest.of("this will break midway")).onItem().invoke(received::add)
                .collect().asList().await().atMost(WAIT));

        OverloadedException e = assertInstanceOf(OverloadedException.class, failure);
        assertEquals(529, e.status(), "the status of its error.type, not the 200 of the stream");
        assertEquals("Overloaded", e.errorMessage());
        assertTrue(e.isStreamError());
        assertTrue(e.contentDelivered());
        assertTrue(e.requestId().orElseThrow().startsWith("req_"),
                "the event's data has no request_id: the stream's request-id header is the request id");
        assertEquals(2, received.stream().filter(ContentBlockDeltaEvent.class::isInstance).count(),
                "the content before the error did reach the caller");
    }

    @Test
    void errorEventBeforeContentSaysSo() {
        simulator.enqueue(Fault.streamError(0, "rate_limit_error", "slow down"));

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages()
                .stream(MessageRequest.of("x")).collect().asList().await().atMost(WAIT));

        RateLimitException e = assertInstanceOf(RateLimitException.class, failure);
        assertFalse(e.contentDelivered());
        assertTrue(e.isStreamError());
    }

    @Test
    void anErrorStatusBeforeTheStreamIsTypedToo() {
        simulator.enqueue(Fault.rateLimited().retryAfterSeconds(2));

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages()
                .stream(MessageRequest.of("x")).collect().asList().await().atMost(WAIT));

        RateLimitException e = assertInstanceOf(RateLimitException.class, failure);
        assertFalse(e.isStreamError());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
    }

    @Test
    void aStreamWithoutMessageStopIsAnError() {
        simulator.enqueue(Fault.truncatedStream(2));

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages()
                .stream(MessageRequest.of("cut me short please")).collect().asList().await().atMost(WAIT));

        IncompleteStreamException e = assertInstanceOf(IncompleteStreamException.class, failure);
        assertTrue(e.contentDelivered());
        assertTrue(e.getMessage().contains("without message_stop"), e.getMessage());
    }

    @Test
    void unknownEventsArePassedOn() {
        simulator.enqueue(Fault.withExtraFields());

        List<StreamEvent> events = claude.messages().stream(MessageRequest.of("future"))
                .collect().asList().await().atMost(WAIT);

        assertTrue(events.stream().anyMatch(e -> e instanceof UnknownEvent u && u.type().equals("sim_future_event")),
                events.toString());
        assertTrue(events.get(events.size() - 1).type().equals("message_stop"));
    }

    @Test
    void toolInputIsAssembledFromItsFragments() {
        simulator.enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"));

        List<StreamEvent> events = claude.messages().stream(MessageRequest.of("weather?"))
                .collect().asList().await().atMost(WAIT);
        MessageAccumulator accumulator = new MessageAccumulator();
        events.forEach(accumulator::accept);

        assertTrue(events.stream().anyMatch(e -> e instanceof ContentBlockDeltaEvent d
                && d.delta() instanceof StreamDelta.InputJsonDelta), "the input arrives as input_json_delta");
        ToolUseBlock toolUse = accumulator.message().toolUses().get(0);
        assertEquals("get_weather", toolUse.name());
        assertEquals("Paris", toolUse.input().get("city").asText());
        assertEquals("celsius", toolUse.input().get("unit").asText());
        assertEquals(StopReason.TOOL_USE, accumulator.message().stopReason());
    }
}
