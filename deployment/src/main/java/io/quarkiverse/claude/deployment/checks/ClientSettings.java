package io.quarkiverse.claude.deployment.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;

/**
 * What the build sees of one client's configuration: for each key the application sets, the property name as written
 * and, except for the API key, the value. The API key's value is never kept: only whether it is an expression, where it
 * comes from and whether it looks like a Claude key.
 */
public final class ClientSettings {

    private final String name;
    private final Map<String, Setting> settings;
    private final ApiKeySetting apiKey;
    private final List<ApiKeySetting> otherProfileApiKeys;

    ClientSettings(String name, Map<String, Setting> settings, ApiKeySetting apiKey) {
        this(name, settings, apiKey, List.of());
    }

    ClientSettings(String name, Map<String, Setting> settings, ApiKeySetting apiKey,
            List<ApiKeySetting> otherProfileApiKeys) {
        this.name = name;
        this.settings = Map.copyOf(settings);
        this.apiKey = apiKey;
        this.otherProfileApiKeys = List.copyOf(otherProfileApiKeys);
    }

    /** @return the client name, {@link ClaudeRuntimeConfig#DEFAULT_CLIENT_NAME} for the default client */
    public String name() {
        return name;
    }

    /** @return the key's value as set (after expansion), if the application sets it and it resolves at build time */
    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** @return the API key as far as the build may know it, if the application sets one */
    public Optional<ApiKeySetting> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /**
     * @return the API keys written for profiles this build does not use (e.g. {@code %dev.quarkus.claude.api-key}):
     *         they are packaged all the same
     */
    public List<ApiKeySetting> otherProfileApiKeys() {
        return otherProfileApiKeys;
    }

    /** @return the property that sets {@code key} for this client, as the application writes it or canonically */
    public String property(String key) {
        Setting setting = settings.get(key);
        if (setting != null) {
            return setting.property();
        }
        if (key.equals(ConfigReader.API_KEY) && apiKey != null) {
            return apiKey.property();
        }
        return ClaudeRuntimeConfig.property(name, key);
    }


    /** One configured value. */
    public record Setting(String property, String value) {
    }

    /**
     * The API key, without its value.
     *
     * @param property the property that sets it
     * @param expression true when the raw value is an expression such as {@code ${ANTHROPIC_API_KEY}}
     * @param literalDefault true when an expression carries a literal default, as in {@code ${ANTHROPIC_API_KEY:sk-...}}
     * @param blank true when the raw value is empty
     * @param sourceName the configuration source the raw value comes from
     * @param shapedLikeClaudeKey whether a literal value starts like a Claude key
     */
    public record ApiKeySetting(String property, boolean expression, boolean literalDefault, boolean blank,
            String sourceName, boolean shapedLikeClaudeKey) {

        /** @return true when the raw value is a literal key */
        public boolean literal() {
            return !expression && !blank;
        }

        /** @return true when a key is written out in the source, as the value or as an expression's default */
        public boolean writesAKey() {
            return literal() || literalDefault;
        }

        @Override
        public String toString() {
            return "ApiKeySetting[" + property + ", expression=" + expression + ", source=" + sourceName + "]";
        }
    }
}
