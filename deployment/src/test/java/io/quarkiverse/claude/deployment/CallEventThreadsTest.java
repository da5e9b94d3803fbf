package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.deployment.checks.SharedSimulator;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Context;

/**
 * Where the observers of {@link ClaudeCallEvent} run, as its javadoc and the Observability page say: an
 * {@code @Observes} observer on the caller's thread for a blocking call, on the Vert.x event loop for an asynchronous
 * call and a stream; an {@code @ObservesAsync} observer on a worker thread, for every call.
 */
class CallEventThreadsTest {

    static final String BASE_URL = SharedSimulator.baseUrl(CallEventThreadsTest.class, ClaudeSimulator::start);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Observers.class, Seen.class, SharedSimulator.class))
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL);

    @Inject
    ClaudeClient claude;

    @Inject
    Observers observers;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(CallEventThreadsTest.class);
    }

    @BeforeEach
    void forget() {
        observers.sync().clear();
        observers.async().clear();
    }

    @Test
    void aBlockingCallIsObservedOnTheCallersThread() {
        claude.messages().create(MessageRequest.of("hello"));

        Seen sync = one(observers.sync());
        assertEquals(Thread.currentThread().getName(), sync.thread());
        assertFalse(sync.eventLoop());
        assertWorker(one(observers.async()));
    }

    @Test
    void anAsynchronousCallIsObservedOnTheEventLoop() {
        claude.messages().createAsync(MessageRequest.of("hello")).await().indefinitely();

        Seen sync = one(observers.sync());
        assertTrue(sync.eventLoop(), sync::toString);
        assertFalse(sync.blockingAllowed(), sync::toString);
        assertWorker(one(observers.async()));
    }

    @Test
    void aStreamIsObservedOnTheEventLoopEvenInItsBlockingForm() {
        claude.messages().stream(MessageRequest.of("hello"), text -> {
        });

        Seen sync = one(observers.sync());
        assertEquals("messages.stream", sync.operation());
        assertTrue(sync.eventLoop(), sync::toString);
        assertWorker(one(observers.async()));
    }

    private static void assertWorker(Seen async) {
        assertFalse(async.eventLoop(), async::toString);
        assertTrue(async.blockingAllowed(), async::toString);
        assertFalse(async.thread().equals(Thread.currentThread().getName()), async::toString);
    }

    /** @return the one observation, once made (an asynchronous observer may come a little after the call) */
    private static Seen one(List<Seen> seen) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(1, seen.size(), seen::toString);
        return seen.get(0);
    }

    /** Where an observer ran. */
    public record Seen(String operation, String thread, boolean eventLoop, boolean blockingAllowed) {
        static Seen here(ClaudeCallEvent call) {
            return new Seen(call.operation(), Thread.currentThread().getName(), Context.isOnEventLoopThread(),
                    BlockingOperationControl.isBlockingAllowed());
        }
    }

    @ApplicationScoped
    public static class Observers {
        private final List<Seen> sync = new CopyOnWriteArrayList<>();
        private final List<Seen> async = new CopyOnWriteArrayList<>();

        void onCall(@Observes ClaudeCallEvent call) {
            sync.add(Seen.here(call));
        }

        void onCallLater(@ObservesAsync ClaudeCallEvent call) {
            async.add(Seen.here(call));
        }

        List<Seen> sync() {
            return sync;
        }

        List<Seen> async() {
            return async;
        }
    }
}
