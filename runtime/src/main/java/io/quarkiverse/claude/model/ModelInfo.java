package io.quarkiverse.claude.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A model the key can use, as {@code GET /v1/models} describes it. */
public final class ModelInfo extends JsonExtensible {

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private String type;
    @JsonProperty("display_name")
    private String displayName;
    @JsonProperty("created_at")
    private String createdAt;

    ModelInfo() {
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String displayName() {
        return displayName;
    }

    /** @return when the model was released, or {@code null} if the API did not say */
    public OffsetDateTime createdAt() {
        return createdAt == null ? null : OffsetDateTime.parse(createdAt);
    }

    @Override
    public String toString() {
        return "ModelInfo[id=" + id + ", displayName=" + displayName + "]";
    }
}
