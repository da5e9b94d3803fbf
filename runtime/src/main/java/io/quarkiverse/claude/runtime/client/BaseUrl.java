package io.quarkiverse.claude.runtime.client;

import java.net.URI;

import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A client's base URL, read and checked. Apart from {@link ClaudeClientFactory} because the startup check needs it
 * without building (or loading) anything of the client.
 */
final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * @throws ConfigurationException when the base URL is not an absolute http(s) URL, or when it would send the key in
     *         clear text and {@code tls-required} is set
     */
    static URI of(String name, ClaudeClientRuntimeConfig config) {
        String baseUrl = config.baseUrl();
        URI uri;
        try {
            uri = URI.create(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ClaudeRuntimeConfig.property(name, "base-url") + "=" + baseUrl
                    + " is not an absolute http(s) URL: use for example https://api.anthropic.com");
        }
        if (config.tlsRequired() && KeyTransport.inClearText(uri)) {
            String tlsRequired = ClaudeRuntimeConfig.property(name, "tls-required");
            throw new ConfigurationException(ClaudeRuntimeConfig.property(name, "base-url") + "="
                    + KeyTransport.display(baseUrl, uri) + " uses plain http to " + uri.getHost()
                    + ", which is not this machine, and " + tlsRequired + "=true refuses to send the API key in clear"
                    + " text. Use an https:// URL (or http only to localhost), or remove " + tlsRequired + ".");
        }
        return uri;
    }
}
