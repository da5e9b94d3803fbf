package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.BulkheadFullException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A thousand concurrent asynchronous calls against a slow API: each is answered, or rejected at once by the bulkhead,
 * the connections the client opened never exceed its pool (sized to the bulkhead's 64 attempts), and nothing is logged
 * at ERROR.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class UnderLoadTest extends SimulatorTest {

    private static final int CALLS = 1000;
    private static final int IN_FLIGHT = 64;
    private static final int QUEUED = 256;

    /** The default bulkhead (64 in flight, 256 queued), no retries of 529, no circuit breaker. */
    @Inject
    @ClaudeClientName("bulkhead")
    ClaudeClient claude;

    @Test
    void aThousandConcurrentCallsAreAnsweredOrRejectedAtOnce() throws Exception {
        // the first 64 attempts hold their places for longer than it takes to start the 1,000, even on a busy machine;
        // the 256 queued behind them are answered at once when they get a place
        for (int i = 0; i < IN_FLIGHT; i++) {
            simulator.enqueue(Fault.delay(Duration.ofSeconds(4)));
        }
        CapturedLogs logs = CapturedLogs.start();
        long idleBefore = simulator.stats().openConnections(); // kept alive by this and the other clients
        long peakConnections = 0;
        List<CompletableFuture<Message>> calls = new ArrayList<>();
        List<Long> rejectedAfterMillis = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                long subscribed = System.nanoTime();
                calls.add(claude.messages().createAsync(MessageRequest.of("load " + i)).subscribeAsCompletionStage()
                        .whenComplete((answer, failure) -> {
                            if (failure instanceof BulkheadFullException) {
                                rejectedAfterMillis.add((System.nanoTime() - subscribed) / 1_000_000);
                            }
                        }).toCompletableFuture());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!calls.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < deadline) {
                peakConnections = Math.max(peakConnections, simulator.stats().openConnections());
                Thread.sleep(5);
            }
        } finally {
            logs.close();
        }

        int answered = 0;
        int rejected = 0;
        for (CompletableFuture<Message> call : calls) {
            assertTrue(call.isDone(), "every call ended");
            try {
                assertTrue(call.join().text().startsWith("Echo: load "));
                answered++;
            } catch (CompletionException failed) {
                assertInstanceOf(BulkheadFullException.class, failed.getCause(), "the only failure is a full bulkhead");
                rejected++;
            }
        }
        assertEquals(IN_FLIGHT + QUEUED, answered, "64 in flight and 256 queued are answered");
        assertEquals(CALLS - IN_FLIGHT - QUEUED, rejected);
        assertEquals(answered, simulator.requests().size(), "a rejected call never reached the API");
        assertTrue(rejectedAfterMillis.stream().allMatch(ms -> ms < 4000),
                "rejected at once, not after waiting: " + rejectedAfterMillis.stream().mapToLong(ms -> ms).max());
        assertTrue(peakConnections >= IN_FLIGHT,
                "each of the 64 attempts had a connection: the pool is as large as the bulkhead: " + peakConnections);
        assertTrue(peakConnections <= idleBefore + IN_FLIGHT, "never more than the pool: " + peakConnections);
        assertTrue(simulator.stats().openConnections() <= idleBefore + IN_FLIGHT, "back to at most the pool size");
        assertEquals(List.of(), logs.errors(), "nothing logged at ERROR");
    }
}
