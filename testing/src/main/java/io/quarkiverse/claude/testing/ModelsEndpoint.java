package io.quarkiverse.claude.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;

/** {@code GET /v1/models} (paged) and {@code GET /v1/models/{id}}. */
final class ModelsEndpoint {

    static final String PATH = "/v1/models";

    private final ModelCatalog catalog;

    ModelsEndpoint(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    void list(Exchange ex, MultiMap params, boolean extraFields) {
        ObjectNode page = catalog.page(Paging.limit(params), params.get("after_id"), params.get("before_id"));
        if (extraFields) {
            page.put(AnswerJson.EXTRA_FIELD, "top-level");
            page.path("data").forEach(m -> ((ObjectNode) m).put(AnswerJson.EXTRA_FIELD, "model-level"));
        }
        ex.json(200, page);
    }

    void get(Exchange ex, String id, boolean extraFields) {
        ObjectNode model = catalog.find(id).orElseThrow(() -> ApiException.notFound("model: " + id));
        if (extraFields) {
            model.put(AnswerJson.EXTRA_FIELD, "top-level");
        }
        ex.json(200, model);
    }
}
