package io.quarkiverse.claude.model;

/**
 * Paging of {@code GET /v1/models}: at most {@code limit} models (1 to 1000, the API's default is 20), after or before
 * a model id. Null fields are not sent.
 */
public record ModelListParams(String beforeId, String afterId, Integer limit) {

    public static ModelListParams first(int limit) {
        return new ModelListParams(null, null, limit);
    }

    public static ModelListParams after(String afterId, int limit) {
        return new ModelListParams(null, afterId, limit);
    }

    public static ModelListParams before(String beforeId, int limit) {
        return new ModelListParams(beforeId, null, limit);
    }
}
