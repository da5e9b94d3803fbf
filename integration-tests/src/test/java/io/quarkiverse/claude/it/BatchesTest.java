package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Message Batches against the simulator, which processes a batch after a short delay. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class BatchesTest extends SimulatorTest {

    @Inject
    ClaudeClient claude;

    private static boolean warm;

    /**
     * The cancel test's cancel must reach the simulator within its 200 ms batch processing delay. The first create and
     * cancel of a freshly started application take longer on a busy machine, and this suite may be the first to run in
     * its profile's application: one unchecked round goes first, then the simulator forgets it.
     */
    @BeforeEach
    void warmUpOnce() {
        if (warm) {
            return;
        }
        warm = true;
        try {
            claude.batches().cancel(claude.batches().create(List.of(BatchRequest.of("warm-up", MessageRequest.of("hi"))))
                    .id());
        } catch (ClaudeException e) {
            // already ended: warm all the same
        }
        simulator.reset();
    }


    private MessageBatch awaitEnded(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        MessageBatch batch = claude.batches().retrieve(id);
        while (!batch.isEnded() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            batch = claude.batches().retrieve(id);
        }
        return batch;
    }

    @Test
    void batchLifecycleWithEveryOutcome() throws Exception {
        MessageBatch created = claude.batches().create(List.of(
                BatchRequest.of("ok-1", MessageRequest.of("first")),
                BatchRequest.of("bad-model", MessageRequest.builder().model("claude-nonexistent-1").maxTokens(10)
                        .addUserMessage("x").build()),
                BatchRequest.of("expire-1", MessageRequest.of("too late"))));

        assertTrue(created.id().startsWith("msgbatch_"), created.id());
        assertEquals(MessageBatch.IN_PROGRESS, created.processingStatus());
        assertEquals(3, created.requestCounts().processing());
        assertEquals("claude-sonnet-4-6", simulator.lastRequest().json().at("/requests/0/params/model").asText(),
                "each request gets the configured defaults");
        assertEquals(512, simulator.lastRequest().json().at("/requests/0/params/max_tokens").asInt());

        MessageBatch ended = awaitEnded(created.id());
        assertTrue(ended.isEnded(), ended.toString());
        assertEquals(1, ended.requestCounts().succeeded());
        assertEquals(1, ended.requestCounts().errored());
        assertEquals(1, ended.requestCounts().expired());

        Map<String, BatchResult> results = claude.batches().results(created.id()).collect().asList()
                .await().atMost(Duration.ofSeconds(10)).stream()
                .collect(Collectors.toMap(BatchResult::customId, Function.identity()));
        assertEquals("Echo: first", results.get("ok-1").message().text());
        assertTrue(results.get("bad-model").isErrored());
        NotFoundException error = assertInstanceOf(NotFoundException.class, results.get("bad-model").error());
        assertTrue(error.errorMessage().contains("claude-nonexistent-1"), error.errorMessage());
        assertTrue(results.get("expire-1").isExpired());

        int blocking = 0;
        for (BatchResult result : claude.batches().resultsBlocking(created.id())) {
            blocking += result.customId() != null ? 1 : 0;
        }
        assertEquals(3, blocking);

        assertTrue(claude.batches().list(PageParams.first(10)).data().stream()
                .anyMatch(b -> b.id().equals(created.id())));
        claude.batches().delete(created.id());
        assertThrows(NotFoundException.class, () -> claude.batches().retrieve(created.id()));
    }

    @Test
    void cancelEndsUnprocessedRequestsAsCanceled() throws Exception {
        MessageBatch created = claude.batches().create(List.of(BatchRequest.of("a", MessageRequest.of("a"))));

        MessageBatch canceling = claude.batches().cancel(created.id());

        assertTrue(canceling.cancelInitiatedAt() != null);
        MessageBatch ended = awaitEnded(created.id());
        assertEquals(1, ended.requestCounts().canceled());
        BatchResult result = claude.batches().results(created.id()).collect().first().await()
                .atMost(Duration.ofSeconds(10));
        assertTrue(result.isCanceled());
    }

    @Test
    void invalidBatchesAreRejectedBeforeSending() {
        InvalidRequestException duplicate = assertThrows(InvalidRequestException.class,
                () -> claude.batches().create(List.of(BatchRequest.of("same", MessageRequest.of("a")),
                        BatchRequest.of("same", MessageRequest.of("b")))));
        assertTrue(duplicate.errorMessage().contains("same"), duplicate.errorMessage());

        InvalidRequestException badItem = assertThrows(InvalidRequestException.class,
                () -> claude.batches().create(List.of(BatchRequest.of("zero",
                        MessageRequest.builder().maxTokens(0).addUserMessage("x").build()))));
        assertTrue(badItem.errorMessage().contains("custom_id=zero"), badItem.errorMessage());
        assertTrue(badItem.errorMessage().contains("max_tokens"), badItem.errorMessage());

        List<BatchRequest> tooMany = IntStream.rangeClosed(0, 100_000)
                .mapToObj(i -> BatchRequest.of("r" + i, MessageRequest.of("x"))).toList();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> claude.batches().create(tooMany));
        assertTrue(e.errorMessage().contains("100000"), e.errorMessage());

        assertFalse(simulator.requests().stream().anyMatch(r -> r.path().startsWith("/v1/messages/batches")),
                "nothing was sent");
    }
}
