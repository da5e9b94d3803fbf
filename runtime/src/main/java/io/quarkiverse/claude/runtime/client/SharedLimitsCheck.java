package io.quarkiverse.claude.runtime.client;

import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.shared.SharedLimits;
import io.quarkus.runtime.configuration.ConfigurationException;

/** A client that enables shared limits in an application without the Quarkus Redis client fails with the fix. */
final class SharedLimitsCheck {

    private SharedLimitsCheck() {
    }

    static SharedLimits require(String clientName, SharedLimits shared) {
        if (shared == null) {
            String property = ClaudeRuntimeConfig.property(clientName, "shared-limits.enabled");
            throw new ConfigurationException(property + " is true, but the application does not have the Quarkus Redis "
                    + "client, which holds the limits shared by the replicas: add the dependency "
                    + "io.quarkus:quarkus-redis-client (and set quarkus.redis.hosts), or remove the property.");
        }
        return shared;
    }
}
