package io.quarkiverse.claude.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Runtime configuration of the Claude clients.
 */
@ConfigMapping(prefix = ClaudeRuntimeConfig.PREFIX)
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ClaudeRuntimeConfig {

    /** The prefix of every property of the extension. */
    String PREFIX = "quarkus.claude";

    /** The name of the client configured directly under {@code quarkus.claude.*}. */
    String DEFAULT_CLIENT_NAME = "<default>";

    /**
     * Clients.
     * <p>
     * The default client is configured directly under `quarkus.claude`, and each named client under
     * `quarkus.claude."client-name"`, then injected with `@ClaudeClientName("client-name")`. A named client takes
     * nothing from the default client: each setting it does not set has its documented default (the `api-key` of every
     * client defaults to the `ANTHROPIC_API_KEY` environment variable).
     * <p>
     * Each client is a REST Client the extension builds, without a configuration key: no
     * `quarkus.rest-client."config-key".*` applies to it, and of the application-wide `quarkus.rest-client.*` settings
     * the logging scope, the proxy settings, `http2` and `quarkus.tls.trust-all` do, while the connection pool,
     * keep-alive, timeouts, redirects and TLS configurations do not: set those here. The Configuration section of the
     * documentation lists them all.
     */
    @ConfigDocSection
    @ConfigDocMapKey("client-name")
    // No @WithDefaults: SmallRye would build its value (a whole client configuration) at every start. A client with no
    // property at all gets its defaults from ClientConfigs, mapped on first use.
    @WithParentName
    @WithUnnamedKey(DEFAULT_CLIENT_NAME)
    Map<String, ClaudeClientRuntimeConfig> clients();

    /**
     * Price overrides per model, in US dollars per million tokens.
     * <p>
     * Keyed by model id, for example `quarkus.claude.prices."claude-sonnet-4-6".input=2.5`. They replace the extension's catalogue prices in the
     * estimated costs of the `ClaudeCallEvent` and the cost metric, for a negotiated price or a model the catalogue
     * does not know. A price left unset keeps the catalogue's (0 for a model the catalogue does not know).
     */
    @ConfigDocSection
    @ConfigDocMapKey("model")
    Map<String, ModelPriceConfig> prices();

    /**
     * How often the optional API check calls `GET /v1/models` for each client in use, to report whether the API
     * answers and accepts the key. Unset (the default): no such call. A probe never calls the API itself: it
     * reports the latest result, and starts a new check in the background once the previous one is older than
     * this interval.
     */
    // One setting, mapped flat under its group's name rather than as a group interface of its own: two classes fewer
    // to load and map at startup, the same property.
    @WithName("health.api-check-interval")
    Optional<Duration> healthApiCheckInterval();

    /**
     * @return the configuration of the named client, or of the default client for {@link #DEFAULT_CLIENT_NAME};
     *         {@code null} for a client with no property at all ({@link ClientConfigs#of} gives its defaults)
     */
    default ClaudeClientRuntimeConfig client(String name) {
        return clients().get(name);
    }

    static boolean isDefault(String clientName) {
        return DEFAULT_CLIENT_NAME.equals(clientName);
    }

    /** @return how messages name a client: {@code default Claude client} or {@code Claude client "name"} */
    static String describe(String clientName) {
        return isDefault(clientName) ? "default Claude client" : "Claude client \"" + clientName + "\"";
    }

    /** @return the full name of a client's property, e.g. {@code quarkus.claude."summaries".api-key} */
    static String property(String clientName, String key) {
        return prefix(clientName) + "." + key;
    }

    /** @return the prefix of a client's properties: {@code quarkus.claude} or {@code quarkus.claude."summaries"} */
    static String prefix(String clientName) {
        return isDefault(clientName) ? PREFIX : PREFIX + ".\"" + clientName + "\"";
    }

    /** The prices of one model, in US dollars per million tokens. Batches get 50% off all of them. */
    @ConfigGroup
    interface ModelPriceConfig {

        /** Input tokens. */
        OptionalDouble input();

        /** Output tokens. */
        OptionalDouble output();

        /** Prompt-cache writes with the 5-minute lifetime. */
        OptionalDouble cacheWrite();

        /** Prompt-cache writes with the 1-hour lifetime. */
        @WithName("cache-write-1h")
        OptionalDouble cacheWrite1h();

        /** Prompt-cache reads (hits). */
        OptionalDouble cacheRead();
    }
}
