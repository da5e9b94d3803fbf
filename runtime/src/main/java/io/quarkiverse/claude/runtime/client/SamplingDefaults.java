package io.quarkiverse.claude.runtime.client;

import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;

/**
 * The configured {@code temperature}, {@code top_p} and {@code top_k}. They apply together, and only to a request that
 * sets none of the three: newer models reject some combinations (such as temperature with top_p), so a request's own
 * choice is never mixed with the configured one.
 */
record SamplingDefaults(Double temperature, Double topP, Integer topK) {

    static final SamplingDefaults NONE = new SamplingDefaults(null, null, null);

    static SamplingDefaults of(ClaudeClientRuntimeConfig config) {
        return new SamplingDefaults(config.temperature().orElse(null), config.topP().orElse(null),
                config.topK().orElse(null));
    }

    boolean appliesTo(MessageRequest request) {
        return !isEmpty() && request.temperature() == null && request.topP() == null && request.topK() == null;
    }

    boolean isEmpty() {
        return temperature == null && topP == null && topK == null;
    }

    void applyTo(MessageRequest.Builder builder) {
        if (temperature != null) {
            builder.temperature(temperature);
        }
        if (topP != null) {
            builder.topP(topP);
        }
        if (topK != null) {
            builder.topK(topK);
        }
    }
}
