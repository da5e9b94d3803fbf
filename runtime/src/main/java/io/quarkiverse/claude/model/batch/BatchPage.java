package io.quarkiverse.claude.model.batch;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.model.JsonExtensible;

/** One page of {@code GET /v1/messages/batches}, newest first. */
public final class BatchPage extends JsonExtensible {

    @JsonProperty("data")
    private List<MessageBatch> data;
    @JsonProperty("has_more")
    private boolean hasMore;
    @JsonProperty("first_id")
    private String firstId;
    @JsonProperty("last_id")
    private String lastId;

    BatchPage() {
    }

    public List<MessageBatch> data() {
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
