package io.quarkiverse.claude.runtime.config;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Runtime configuration of the Claude clients.
 */
@ConfigMapping(prefix = "quarkus.claude")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ClaudeRuntimeConfig {

    /** The name of the client configured directly under {@code quarkus.claude.*}. */
    String DEFAULT_CLIENT_NAME = "<default>";

    /**
     * Clients.
     * <p>
     * The default client is configured directly under `quarkus.claude`, and each named client under
     * `quarkus.claude."client-name"`, then injected with `@ClaudeClientName("client-name")`.
     */
    @ConfigDocSection
    @ConfigDocMapKey("client-name")
    @WithParentName
    @WithDefaults
    @WithUnnamedKey(DEFAULT_CLIENT_NAME)
    Map<String, ClaudeClientRuntimeConfig> clients();

    /** @return the configuration of the named client, or of the default client for {@link #DEFAULT_CLIENT_NAME} */
    default ClaudeClientRuntimeConfig client(String name) {
        return clients().get(name);
    }

    static boolean isDefault(String clientName) {
        return DEFAULT_CLIENT_NAME.equals(clientName);
    }
}
