package io.quarkiverse.claude.runtime.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The Redis keys of one namespace of shared limits: {@code quarkus-claude:{prefix}:pause}, {@code :budget},
 * {@code :circuit}, {@code :trial} and {@code :flight}. The braces make them one hash slot, so that the script can take
 * them all on a Redis Cluster.
 */
record Namespace(String prefix, List<String> keys) {

    /** Mixed into the default prefix's hash, so that the hash of a key alone does not match it. */
    static final String SALT = "quarkus-claude shared limits v1\n";

    static Namespace of(String clientName, Optional<String> configured, String apiKey, String baseUrl) {
        String prefix = configured.filter(p -> !p.isEmpty()).orElseGet(() -> defaultPrefix(clientName, apiKey, baseUrl));
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new ConfigurationException(ClaudeRuntimeConfig.property(clientName, "shared-limits.key-prefix")
                    + " must not contain '{' or '}' (the keys put the prefix between braces, as a Redis Cluster hash "
                    + "tag): choose a prefix without them.");
        }
        String base = "quarkus-claude:{" + prefix + "}:";
        return new Namespace(prefix, List.of(base + "pause", base + "budget", base + "circuit", base + "trial",
                base + "flight"));
    }

    /** The client's name and 12 hex digits of SHA-256 over a salt, the API key and the base URL: never reversible. */
    static String defaultPrefix(String clientName, String apiKey, String baseUrl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((SALT + apiKey + "\n" + baseUrl).getBytes(StandardCharsets.UTF_8));
            String name = ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME.equals(clientName) ? "default" : clientName;
            return name + ":" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
