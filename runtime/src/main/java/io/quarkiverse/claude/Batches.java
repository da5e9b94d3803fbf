package io.quarkiverse.claude;

import java.util.List;

import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.batch.BatchPage;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.smallrye.mutiny.Multi;

/**
 * The Message Batches API: many Messages requests processed asynchronously, at half the price, within 24 hours.
 */
public interface Batches {

    /** The most requests one batch may hold. */
    int MAX_REQUESTS = 100_000;

    /**
     * {@code POST /v1/messages/batches}. Each request's {@code model} and {@code max_tokens} default to the client's
     * configuration. Checked before sending: at most {@value #MAX_REQUESTS} requests with unique non-blank custom ids,
     * each valid on its own, and 256 MB in all.
     */
    MessageBatch create(List<BatchRequest> requests);

    /** {@code GET /v1/messages/batches/{id}}. */
    MessageBatch retrieve(String batchId);

    /** {@code GET /v1/messages/batches}, newest first. */
    BatchPage list(PageParams params);

    /** {@code POST /v1/messages/batches/{id}/cancel}: requests not yet processed end as {@code canceled}. */
    MessageBatch cancel(String batchId);

    /** {@code DELETE /v1/messages/batches/{id}}; the batch must have ended. */
    void delete(String batchId);

    /**
     * {@code GET /v1/messages/batches/{id}/results}: the results file, read and parsed one line at a time as it
     * arrives, never held whole in memory.
     */
    Multi<BatchResult> results(String batchId);

    /** The results, blocking: iterate them with a for loop. */
    default Iterable<BatchResult> resultsBlocking(String batchId) {
        return results(batchId).subscribe().asIterable();
    }
}
