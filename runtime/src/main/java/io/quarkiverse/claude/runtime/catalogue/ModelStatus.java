package io.quarkiverse.claude.runtime.catalogue;

/** Where a model is in its life: served, served until an end-of-life date, or no longer served. */
public enum ModelStatus {
    ACTIVE,
    DEPRECATED,
    RETIRED
}
