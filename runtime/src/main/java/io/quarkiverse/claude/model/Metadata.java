package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Request metadata: an opaque id of the end user, which helps Anthropic detect abuse. Never put personal data in it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Metadata extends JsonExtensible {

    @JsonProperty("user_id")
    private String userId;

    Metadata() {
    }

    public static Metadata userId(String userId) {
        Metadata metadata = new Metadata();
        metadata.userId = userId;
        return metadata;
    }

    public String userId() {
        return userId;
    }
}
