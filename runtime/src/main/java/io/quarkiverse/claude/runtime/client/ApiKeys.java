package io.quarkiverse.claude.runtime.client;

import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Resolves a client's API key, and explains how to set one when there is none. */
final class ApiKeys {

    private ApiKeys() {
    }

    static String require(String clientName, ClaudeClientRuntimeConfig config) {
        String key = config.apiKey().orElse(null);
        if (key == null || key.isBlank()) {
            throw new ConfigurationException(missingKeyMessage(clientName));
        }
        return key;
    }

    static String missingKeyMessage(String clientName) {
        String property = ClaudeRuntimeConfig.property(clientName, "api-key");
        return "No API key for the " + ClaudeRuntimeConfig.describe(clientName) + ": set " + property + " (for example " + property
                + "=${ANTHROPIC_API_KEY}) or the ANTHROPIC_API_KEY environment variable."
                + " Get a key at https://console.anthropic.com/settings/keys.";
    }

}
