package io.quarkiverse.claude.deployment.checks;

import java.net.URI;
import java.util.Optional;

import io.quarkiverse.claude.runtime.client.KeyTransport;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/** Checks {@code base-url}: an absolute http(s) URL, and https unless the host is this machine. */
class BaseUrlCheckProcessor {

    @BuildStep
    void checkBaseUrls(ClaudeClientSettingsBuildItem clients, BuildProducer<ConfigProblemBuildItem> problems) {
        clients.clients().forEach(client -> check(client).ifPresent(problems::produce));
    }

    static Optional<ConfigProblemBuildItem> check(ClientSettings client) {
        Optional<ClientSettings.Setting> configured = client.get("base-url");
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        String property = configured.get().property();
        String value = configured.get().value();
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            return Optional.of(ConfigProblemBuildItem.error(property + "=" + KeyTransport.display(value, uri)
                    + " is not an absolute http(s) URL: use for example https://api.anthropic.com"));
        }
        if (KeyTransport.inClearText(uri)) {
            return Optional.of(ConfigProblemBuildItem.warning(property + "=" + KeyTransport.display(value, uri)
                    + " uses plain http to " + uri.getHost() + ", which is not this machine: the API key would travel"
                    + " in clear text. Use https, or http only to localhost."));
        }
        return Optional.empty();
    }
}
