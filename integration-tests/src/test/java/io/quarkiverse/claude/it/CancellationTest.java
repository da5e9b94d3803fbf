package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.subscription.Cancellable;

/** Cancelling an asynchronous call stops it on the wire and gives back what it held. */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class CancellationTest extends SimulatorTest {

    /** The default bulkhead: 64 attempts in flight. */
    @Inject
    @ClaudeClientName("bulkhead")
    ClaudeClient claude;

    @Test
    void cancellingCreateAsyncClosesItsConnectionAndFreesItsBulkheadPlace() throws Exception {
        long before = simulator.stats().openConnections();
        simulator.always(Fault.delay(Duration.ofSeconds(20))); // a slow generation
        List<Cancellable> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(claude.messages().createAsync(MessageRequest.of("slow " + i)).subscribe().with(m -> {
            }, f -> {
            }));
        }
        awaitTrue(() -> simulator.requests().size() == 64, "all 64 requests reached the simulator");
        assertTrue(simulator.stats().openConnections() >= before + 64 - 1, "each holds a connection");

        long start = System.nanoTime();
        calls.forEach(Cancellable::cancel);

        awaitTrue(() -> simulator.stats().openConnections() <= before, "every connection closed on cancel");
        assertTrue(millis(start) < 2000, "at once, not after the 20 s the answers take: " + millis(start));
        simulator.always(Fault.delay(Duration.ZERO));
        // the 64 places are free again: a blocking call, which the full bulkhead would reject at once, goes through
        assertEquals("Echo: after", claude.ask("after"));
        assertEquals(65, simulator.requests().size(), "no cancelled call was retried");
    }

    @Test
    void cancellingAStreamBeforeItsFirstEventClosesItsConnection() {
        simulator.always(Fault.stallBeforeFirstEvent());
        Cancellable stream = claude.messages().stream(MessageRequest.of("stalled")).subscribe().with(e -> {
        }, f -> {
        });
        awaitTrue(() -> simulator.requests().size() == 1, "the stream is open");
        long open = simulator.stats().openConnections();

        stream.cancel();

        awaitTrue(() -> simulator.stats().openConnections() < open, "its connection closed on cancel");
        assertEquals(1, simulator.requests().size());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (millis(start) > 5000) {
                throw new AssertionError(what + ": not within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
