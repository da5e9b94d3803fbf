package io.quarkiverse.claude;

import io.quarkiverse.claude.model.ModelInfo;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.ModelPage;

/** The Models API: which models the key can use. */
public interface Models {

    /** {@code GET /v1/models}: the first page, as large as the API's default. */
    default ModelPage list() {
        return list(PageParams.DEFAULT);
    }

    /** {@code GET /v1/models} with paging. */
    ModelPage list(PageParams params);

    /** {@code GET /v1/models/{id}}; an unknown id is a {@link io.quarkiverse.claude.errors.NotFoundException}. */
    ModelInfo retrieve(String modelId);
}
