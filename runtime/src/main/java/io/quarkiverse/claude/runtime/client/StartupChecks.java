package io.quarkiverse.claude.runtime.client;

import java.net.URI;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;

/**
 * The checks of a client that need its runtime configuration and no network: the key's shape, a base URL in clear text.
 * The optional call to the API is {@link StartupVerification}'s.
 */
final class StartupChecks {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.startup");

    private StartupChecks() {
    }

    /** Warns, without showing any part of the key, when it does not start like a Claude key. */
    static void checkKeyShape(String name, String apiKey) {
        if (!ApiKeyShape.looksLikeClaudeKey(apiKey)) {
            LOG.warnf("The API key of the %s (%s) does not look like a Claude API key: Claude keys start with %s."
                    + " Check that %s holds the key from https://console.anthropic.com/settings/keys.",
                    ClaudeRuntimeConfig.describe(name), ClaudeRuntimeConfig.property(name, "api-key"), ApiKeyShape.PREFIX,
                    ClaudeRuntimeConfig.property(name, "api-key"));
        }
    }

    /**
     * Warns, naming the property, when the base URL would send the key in clear text: plain {@code http} to another
     * machine (which {@code tls-required} refuses instead). The build warns too, but only of what it sees: a URL set
     * where the application runs (the environment, {@code -D}, a config source of production) is seen here first.
     */
    static void checkClearText(String name, ClaudeClientRuntimeConfig config, URI baseUri) {
        if (KeyTransport.inClearText(baseUri)) {
            LOG.warnf("%s=%s uses plain http to %s, which is not this machine: the API key of the %s travels in clear"
                    + " text. Use https, or http only to localhost; %s=true refuses such a URL at startup.",
                    ClaudeRuntimeConfig.property(name, "base-url"), KeyTransport.display(config.baseUrl(), baseUri),
                    baseUri.getHost(), ClaudeRuntimeConfig.describe(name), ClaudeRuntimeConfig.property(name, "tls-required"));
        }
    }
}
