package io.quarkiverse.claude.model.batch;

import io.quarkiverse.claude.model.ListPage;

/** One page of {@code GET /v1/messages/batches}, newest first. */
public final class BatchPage extends ListPage<MessageBatch> {

    BatchPage() {
    }
}
