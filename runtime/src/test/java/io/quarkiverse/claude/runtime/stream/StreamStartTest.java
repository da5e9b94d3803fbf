package io.quarkiverse.claude.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/** The gate between an attempt's stream and the caller: what it passes on, and that a caller's cancel reaches the attempt. */
class StreamStartTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A stream that sends two events and then stays open, like a long answer, and counts down when cancelled. */
    private static Multi<String> openStream(CountDownLatch cancelled) {
        return Multi.createFrom().emitter((MultiEmitter<? super String> emitter) -> {
            emitter.onTermination(() -> {
                if (emitter.isCancelled()) {
                    cancelled.countDown();
                }
            });
            emitter.emit("message_start").emit("content_block_delta");
        });
    }

    @Test
    void aCallerThatStopsReadingCancelsTheAttempt() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        Multi<String> stream = StreamStart.of(openStream(cancelled), failure -> failure).await().atMost(WAIT);

        List<String> firstTwo = stream.select().first(2).collect().asList().await().atMost(WAIT);

        assertEquals(List.of("message_start", "content_block_delta"), firstTwo);
        assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the attempt's stream was not cancelled");
    }

    @Test
    void aFailureBeforeTheFirstEventFailsTheStart() {
        IllegalStateException refused = new IllegalStateException("529");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> StreamStart.of(Multi.createFrom().<String> failure(refused), failure -> failure).await()
                        .atMost(WAIT));
        assertSame(refused, thrown);
    }

    @Test
    void aFailureAfterTheFirstEventReachesTheCallerAsLateFailure() {
        RuntimeException late = new RuntimeException("overloaded after content");
        Multi<String> upstream = Multi.createFrom().emitter(emitter -> emitter.emit("message_start").fail(late));
        Multi<String> stream = StreamStart.of(upstream, failure -> new IllegalStateException("typed", failure))
                .await().atMost(WAIT);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> stream.collect().asList().await().atMost(WAIT));
        assertSame(late, thrown.getCause());
    }
}
