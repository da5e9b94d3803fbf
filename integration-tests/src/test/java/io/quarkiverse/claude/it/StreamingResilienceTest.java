package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A stream is retried only until its first event reaches the caller; after that a failure is surfaced. */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class StreamingResilienceTest extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    @ClaudeClientName("retrying")
    ClaudeClient claude;



    @Test
    void failuresBeforeTheFirstEventAreRetriedWithinTheBudgets() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(30), Fault.overloaded(), Fault.dropConnection());

        Message message = claude.messages().stream(MessageRequest.of("retry my stream"))
                .collect().in(MessageAccumulator::new, MessageAccumulator::accept).await().atMost(WAIT).message();

        assertEquals("Echo: retry my stream", message.text());
        assertEquals(4, simulator.requests("/v1/messages").size(), "429, 529, dropped, then the stream");
    }

    /** What a gateway may send: a 200 stream that ends at once, without a single event. */
    private static final Fault EMPTY_STREAM = Fault.body(200, "text/event-stream", "");

    @Test
    void aStreamThatEndsBeforeItsFirstEventIsRetried() {
        simulator.enqueue(EMPTY_STREAM);

        Message message = claude.messages().stream(MessageRequest.of("retry my empty stream"))
                .collect().in(MessageAccumulator::new, MessageAccumulator::accept).await().atMost(WAIT).message();

        assertEquals("Echo: retry my empty stream", message.text());
        assertEquals(2, simulator.requests("/v1/messages").size(), "the empty stream, then the stream");
    }

    @Test
    void aStreamThatKeepsEndingBeforeItsFirstEventUsesTheConnectionBudget() {
        // a dropped connection and an empty stream draw on the same budget: connection.max-retries = 2
        simulator.enqueue(Fault.dropConnection());
        simulator.always(EMPTY_STREAM);

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages().streamEvents(MessageRequest.of("x"))
                .toList());

        IncompleteStreamException e = assertInstanceOf(IncompleteStreamException.class, failure);
        assertFalse(e.contentDelivered());
        assertEquals(3, simulator.requests("/v1/messages").size(), "dropped, empty, empty: 2 retries of connection");
    }

    @Test
    void anErrorEventAfterContentIsNeverRetried() {
        simulator.enqueue(Fault.streamError(2, "overloaded_error", "Overloaded"));
        List<StreamEvent> received = new ArrayList<>();

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages().stream(MessageRequest.of("a b c d"))
                .onItem().invoke(received::add).collect().asList().await().atMost(WAIT));

        OverloadedException e = assertInstanceOf(OverloadedException.class, failure);
        assertTrue(e.contentDelivered());
        assertEquals(1, simulator.requests("/v1/messages").size(), "content reached the caller: no retry");
        assertEquals("message_start", received.get(0).type());
    }

    @Test
    void anErrorEventAfterTheFirstEventIsNotRetriedEvenWithoutContent() {
        simulator.enqueue(Fault.streamError(0, "overloaded_error", "Overloaded"));

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages().stream(MessageRequest.of("x"))
                .collect().asList().await().atMost(WAIT));

        OverloadedException e = assertInstanceOf(OverloadedException.class, failure);
        assertFalse(e.contentDelivered());
        assertEquals(1, simulator.requests("/v1/messages").size(), "message_start had reached the caller");
    }

    @Test
    void aTruncatedStreamIsSurfacedNotRetried() {
        simulator.enqueue(Fault.truncatedStream(1));

        Throwable failure = assertThrows(Throwable.class, () -> claude.messages().stream(MessageRequest.of("a b c"))
                .collect().asList().await().atMost(WAIT));

        assertInstanceOf(IncompleteStreamException.class, failure);
        assertEquals(1, simulator.requests("/v1/messages").size());
    }
}
