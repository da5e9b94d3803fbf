package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"enabled": true}}: the model cites the passages of a document (or of fetched pages) that it uses. */
public final class CitationsConfig extends JsonExtensible {

    @JsonProperty("enabled")
    private boolean enabled;

    CitationsConfig() {
    }

    private CitationsConfig(boolean enabled) {
        this.enabled = enabled;
    }

    /** Citations on. */
    public static CitationsConfig enabled() {
        return new CitationsConfig(true);
    }

    public boolean isEnabled() {
        return enabled;
    }
}
