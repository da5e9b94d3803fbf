package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The author of a message in the conversation. */
public enum Role {
    @JsonProperty("user")
    USER,
    @JsonProperty("assistant")
    ASSISTANT
}
