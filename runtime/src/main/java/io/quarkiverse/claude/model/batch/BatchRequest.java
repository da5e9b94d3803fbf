package io.quarkiverse.claude.model.batch;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.model.MessageRequest;

/**
 * One request of a Message Batch: your id for it, unique within the batch, and the Messages request itself (whose
 * {@code model} and {@code max_tokens} default to the client's configuration, as for a single call).
 */
public record BatchRequest(@JsonProperty("custom_id") String customId, @JsonProperty("params") MessageRequest params) {

    public BatchRequest {
        Objects.requireNonNull(customId, "customId");
        Objects.requireNonNull(params, "params");
    }

    public static BatchRequest of(String customId, MessageRequest params) {
        return new BatchRequest(customId, params);
    }
}
