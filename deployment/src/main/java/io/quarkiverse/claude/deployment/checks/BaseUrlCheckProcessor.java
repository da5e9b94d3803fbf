package io.quarkiverse.claude.deployment.checks;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            return Optional.of(ConfigProblemBuildItem.error(property + "=" + display(value, uri)
                    + " is not an absolute http(s) URL: use for example https://api.anthropic.com"));
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
            return Optional.of(ConfigProblemBuildItem.warning(property + "=" + display(value, uri)
                    + " uses plain http to " + uri.getHost() + ", which is not this machine: the API key would travel"
                    + " in clear text. Use https, or http only to localhost."));
        }
        return Optional.empty();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The URL as written, with any user information (a credential) masked. */
    private static String display(String value, URI uri) {
        if (uri != null && uri.getRawUserInfo() != null) {
            return value.replace(uri.getRawUserInfo(), "***");
        }
        return value;
    }
}
