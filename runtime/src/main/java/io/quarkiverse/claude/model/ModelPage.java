package io.quarkiverse.claude.model;

/** One page of {@code GET /v1/models}. */
public final class ModelPage extends ListPage<ModelInfo> {

    ModelPage() {
    }
}
