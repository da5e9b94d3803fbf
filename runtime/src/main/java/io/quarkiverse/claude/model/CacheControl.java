package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A prompt-caching breakpoint: {@code {"type":"ephemeral","ttl":"5m"|"1h"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CacheControl extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("ttl")
    private String ttl;

    CacheControl() {
    }

    private CacheControl(String type, String ttl) {
        this.type = type;
        this.ttl = ttl;
    }

    /** An ephemeral breakpoint with the API's default lifetime (5 minutes). */
    public static CacheControl ephemeral() {
        return new CacheControl("ephemeral", null);
    }

    /** An ephemeral breakpoint with an explicit lifetime, {@code "5m"} or {@code "1h"}. */
    public static CacheControl ephemeral(String ttl) {
        return new CacheControl("ephemeral", ttl);
    }

    public String type() {
        return type;
    }

    public String ttl() {
        return ttl;
    }
}
