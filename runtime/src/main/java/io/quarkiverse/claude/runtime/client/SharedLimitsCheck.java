package io.quarkiverse.claude.runtime.client;

import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.shared.SharedLimits;
import io.quarkus.runtime.configuration.ConfigurationException;

/** A client that enables shared limits in an application whose build did not include them fails with the fix. */
final class SharedLimitsCheck {

    private SharedLimitsCheck() {
    }

    static SharedLimits require(String clientName, SharedLimits shared) {
        if (shared == null) {
            String property = ClaudeRuntimeConfig.property(clientName, "shared-limits.enabled");
            throw new ConfigurationException(property + " is true, but the application was built without shared "
                    + "limits: add the dependency io.quarkus:quarkus-redis-client and set " + property
                    + "=true at build time (in application.properties), or remove it.");
        }
        return shared;
    }
}
