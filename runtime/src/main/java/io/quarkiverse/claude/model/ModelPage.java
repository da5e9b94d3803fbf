package io.quarkiverse.claude.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of {@code GET /v1/models}. Ask for the next with {@link PageParams#after(String, int)}. */
public final class ModelPage extends JsonExtensible {

    @JsonProperty("data")
    private List<ModelInfo> data;
    @JsonProperty("has_more")
    private boolean hasMore;
    @JsonProperty("first_id")
    private String firstId;
    @JsonProperty("last_id")
    private String lastId;

    ModelPage() {
    }

    public List<ModelInfo> data() {
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
