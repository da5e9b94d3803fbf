package io.quarkiverse.claude.model;

/**
 * Paging of a list ({@code GET /v1/models}, {@code GET /v1/messages/batches}): at most {@code limit} items (1 to 1000,
 * the API's default is 20), after or before an item id. Null fields are not sent.
 */
public record PageParams(String beforeId, String afterId, Integer limit) {

    /** The API's default page. */
    public static final PageParams DEFAULT = new PageParams(null, null, null);

    public static PageParams first(int limit) {
        return new PageParams(null, null, limit);
    }

    public static PageParams after(String afterId, int limit) {
        return new PageParams(null, afterId, limit);
    }

    public static PageParams before(String beforeId, int limit) {
        return new PageParams(beforeId, null, limit);
    }
}
