package io.quarkiverse.claude.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a list the API pages with {@code before_id} / {@code after_id} / {@code limit}. Ask for the next page
 * with {@link PageParams#after(String, int)} and {@link #lastId()}.
 *
 * @param <T> the listed item
 */
public abstract class ListPage<T> extends JsonExtensible {

    @JsonProperty("data")
    private List<T> data;
    @JsonProperty("has_more")
    private boolean hasMore;
    @JsonProperty("first_id")
    private String firstId;
    @JsonProperty("last_id")
    private String lastId;

    protected ListPage() {
    }

    public List<T> data() {
        return data == null ? List.of() : data;
    }

    public boolean hasMore() {
        return hasMore;
    }

    public String firstId() {
        return firstId;
    }

    public String lastId() {
        return lastId;
    }
}
