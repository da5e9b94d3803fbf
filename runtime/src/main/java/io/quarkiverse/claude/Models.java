package io.quarkiverse.claude;

import io.quarkiverse.claude.model.ModelInfo;
import io.quarkiverse.claude.model.ModelListParams;
import io.quarkiverse.claude.model.ModelPage;

/** The Models API: which models the key can use. */
public interface Models {

    /** {@code GET /v1/models}: the first page, as large as the API's default. */
    default ModelPage list() {
        return list(new ModelListParams(null, null, null));
    }

    /** {@code GET /v1/models} with paging. */
    ModelPage list(ModelListParams params);

    /** {@code GET /v1/models/{id}}; an unknown id is a {@link io.quarkiverse.claude.errors.NotFoundException}. */
    ModelInfo retrieve(String modelId);
}
