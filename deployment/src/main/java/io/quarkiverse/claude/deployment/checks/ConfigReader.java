package io.quarkiverse.claude.deployment.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import io.quarkiverse.claude.runtime.client.ApiKeyShape;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.SmallRyeConfig;

/**
 * Reads, at build time, what the application configures for the default client ({@code quarkus.claude.*}) and every
 * named client ({@code quarkus.claude."name".*}, or unquoted). Only client keys count: build-time keys such as
 * {@code quarkus.claude.model-check} are never taken for a client name.
 */
final class ConfigReader {

    static final String PREFIX = "quarkus.claude.";
    static final String API_KEY = "api-key";
    /** The client keys the build checks; the API key is read apart, without expansion. */
    static final List<String> CHECKED_KEYS = List.of("model", "max-tokens", "anthropic-version", "base-url",
            "temperature", "top-p", "top-k");
    /**
     * Every key of a client that is not in a group, so that any of them reveals a named client (checked against the
     * mapping by {@code ClientKeysMatchTheMappingTest}).
     */
    static final Set<String> CLIENT_KEYS = Set.of("api-key", "base-url", "anthropic-version", "model", "max-tokens",
            "betas", "connect-timeout", "read-timeout", "log-requests", "log-responses", "log-body-limit", "temperature",
            "top-p", "top-k", "verify-on-startup", "max-response-size", "tls-configuration-name",
            "proxy-configuration-name", "connection-pool-size", "http2", "keep-alive-enabled", "tls-required");

    /** An expression default that is neither empty nor another expression: {@code ${NAME:literal}}. */
    private static final Pattern LITERAL_DEFAULT = Pattern.compile("\\$\\{[^:}]*:(?!\\$\\{)[^}\\s][^}]*}");

    private ConfigReader() {
    }

    static List<ClientSettings> read(Config config, Set<String> injectedNames) {
        SmallRyeConfig smallRye = config.unwrap(SmallRyeConfig.class);
        // client name -> key -> property names as written (quoted or not)
        Map<String, Map<String, Set<String>>> found = new TreeMap<>();
        // client name -> key -> property names written for a profile this build does not use
        Map<String, Map<String, Set<String>>> otherProfiles = new TreeMap<>();
        List<String> activeProfiles = smallRye.getProfiles();
        for (String name : injectedNames) {
            found.computeIfAbsent(name, n -> new TreeMap<>());
        }
        found.computeIfAbsent(ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME, n -> new TreeMap<>());
        for (String property : config.getPropertyNames()) {
            String unprofiled = withoutProfile(property);
            if (!unprofiled.startsWith(PREFIX)) {
                continue;
            }
            String[] clientAndKey = clientAndKey(unprofiled.substring(PREFIX.length()));
            if (clientAndKey != null && CLIENT_KEYS.contains(clientAndKey[1])) {
                found.computeIfAbsent(clientAndKey[0], n -> new TreeMap<>())
                        .computeIfAbsent(clientAndKey[1], k -> new TreeSet<>()).add(unprofiled);
                // %test keys are taken for test fixtures (fakes for a simulator or a mock), not for real keys
                if (!property.equals(unprofiled) && profilesOf(property).stream()
                        .noneMatch(profile -> activeProfiles.contains(profile) || profile.equals("test"))) {
                    otherProfiles.computeIfAbsent(clientAndKey[0], n -> new TreeMap<>())
                            .computeIfAbsent(clientAndKey[1], k -> new TreeSet<>()).add(property);
                }
            }
        }
        return found.entrySet().stream()
                .map(e -> client(smallRye, e.getKey(), e.getValue(), otherProfiles.getOrDefault(e.getKey(), Map.of())))
                .toList();
    }

    /** @return {client name, key}, or null when the name is not shaped like a client key */
    static String[] clientAndKey(String afterPrefix) {
        if (afterPrefix.startsWith("\"")) {
            int end = afterPrefix.indexOf('"', 1);
            if (end < 0 || end + 2 > afterPrefix.length() || afterPrefix.charAt(end + 1) != '.') {
                return null;
            }
            return new String[] { afterPrefix.substring(1, end), afterPrefix.substring(end + 2) };
        }
        int dot = afterPrefix.indexOf('.');
        if (dot < 0) {
            return new String[] { ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME, afterPrefix };
        }
        return new String[] { afterPrefix.substring(0, dot), afterPrefix.substring(dot + 1) };
    }

    /** @return the profiles of {@code %dev,test.name}: dev and test */
    private static List<String> profilesOf(String property) {
        return List.of(property.substring(1, property.indexOf('.')).split(","));
    }

    private static String withoutProfile(String property) {
        if (property.startsWith("%")) {
            int dot = property.indexOf('.');
            return dot < 0 ? property : property.substring(dot + 1);
        }
        return property;
    }

    private static ClientSettings client(SmallRyeConfig config, String name, Map<String, Set<String>> written,
            Map<String, Set<String>> profiled) {
        Map<String, ClientSettings.Setting> settings = new LinkedHashMap<>();
        for (String key : CHECKED_KEYS) {
            for (String property : candidates(name, key, written)) {
                String value = value(config, property);
                if (value != null) {
                    settings.put(key, new ClientSettings.Setting(property, value.strip()));
                    break;
                }
            }
        }
        ClientSettings.ApiKeySetting apiKey = null;
        for (String property : candidates(name, API_KEY, written)) {
            apiKey = apiKey(config, property);
            if (apiKey != null) {
                break;
            }
        }
        List<ClientSettings.ApiKeySetting> otherProfiles = new ArrayList<>();
        for (String property : profiled.getOrDefault(API_KEY, Set.of())) {
            ClientSettings.ApiKeySetting other = apiKey(config, property);
            if (other != null) {
                otherProfiles.add(other);
            }
        }
        return new ClientSettings(name, settings, apiKey, otherProfiles);
    }

    private static Set<String> candidates(String name, String key, Map<String, Set<String>> written) {
        Set<String> candidates = new java.util.LinkedHashSet<>(written.getOrDefault(key, Set.of()));
        candidates.add(ClaudeRuntimeConfig.property(name, key));
        return candidates;
    }

    /** Reads the raw value, never expanded and never kept: only what the checks need to know about it. */
    private static ClientSettings.ApiKeySetting apiKey(SmallRyeConfig config, String property) {
        ConfigValue raw;
        try {
            raw = Expressions.withoutExpansion(() -> config.getConfigValue(property));
        } catch (RuntimeException e) {
            return null;
        }
        if (raw == null || raw.getValue() == null || isMappingDefault(raw)) {
            return null;
        }
        String value = raw.getValue();
        boolean expression = value.contains("${");
        boolean literalDefault = expression && LITERAL_DEFAULT.matcher(value).find();
        return new ClientSettings.ApiKeySetting(property, expression, literalDefault, value.isBlank(),
                raw.getConfigSourceName(), ApiKeyShape.looksLikeClaudeKey(value));
    }

    /** @return the value, or null when unset, a default of the mapping, or not resolvable at build time */
    private static String value(SmallRyeConfig config, String property) {
        try {
            ConfigValue value = config.getConfigValue(property);
            return value == null || value.getValue() == null || isMappingDefault(value) ? null : value.getValue();
        } catch (RuntimeException e) {
            // e.g. ${SOME_ENV} only set where the application runs: nothing to check now
            return null;
        }
    }

    private static boolean isMappingDefault(ConfigValue value) {
        String source = value.getConfigSourceName();
        return source != null && source.startsWith("DefaultValuesConfigSource");
    }
}
