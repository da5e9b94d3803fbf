package io.quarkiverse.claude.testing;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;

/**
 * The API's list paging ({@code limit}, {@code after_id}, {@code before_id}) over an ordered list, answered as
 * {@code {"data":[…],"has_more":…,"first_id":…,"last_id":…}}.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 20;

    private Paging() {
    }

    /** @return the {@code limit} parameter, checked like the API checks it */
    static int limit(MultiMap params) {
        String raw = params.get("limit");
        int limit = DEFAULT_LIMIT;
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("limit: Input should be a valid integer");
            }
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit: Input should be greater than or equal to 1 and less than or equal to 1000");
        }
        return limit;
    }

    /**
     * @param items the whole list, in the order the API lists it
     * @param what what an id names, for the error about an unknown one (e.g. {@code model})
     */
    static <T> ObjectNode page(List<T> items, Function<T, String> id, Function<T, JsonNode> json, int limit,
            String afterId, String beforeId, String what) {
        int from;
        int to;
        boolean hasMore;
        if (beforeId != null) {
            to = indexOf(items, id, beforeId, "before_id", what);
            from = Math.max(0, to - limit);
            hasMore = from > 0;
        } else {
            from = afterId != null ? indexOf(items, id, afterId, "after_id", what) + 1 : 0;
            to = Math.min(items.size(), from + limit);
            hasMore = to < items.size();
        }
        ObjectNode page = Json.object();
        ArrayNode data = page.putArray("data");
        items.subList(from, to).forEach(item -> data.add(json.apply(item)));
        page.put("has_more", hasMore);
        if (from < to) {
            page.put("first_id", id.apply(items.get(from)));
            page.put("last_id", id.apply(items.get(to - 1)));
        } else {
            page.putNull("first_id");
            page.putNull("last_id");
        }
        return page;
    }

    private static <T> int indexOf(List<T> items, Function<T, String> id, String wanted, String param, String what) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(wanted)) {
                return i;
            }
        }
        throw ApiException.invalid(param + ": unknown " + what + " id '" + wanted + "'");
    }
}
