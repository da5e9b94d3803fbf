package io.quarkiverse.claude.runtime.client;

import java.net.URI;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.PermissionException;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The checks of a client that need its runtime configuration: the key's shape, and the optional call to the API. */
final class StartupChecks {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.startup");

    private StartupChecks() {
    }

    /** Warns, without showing any part of the key, when it does not start like a Claude key. */
    static void checkKeyShape(String name, String apiKey) {
        if (!ApiKeyShape.looksLikeClaudeKey(apiKey)) {
            LOG.warnf("The API key of the %s (%s) does not look like a Claude API key: Claude keys start with %s."
                    + " Check that %s holds the key from https://console.anthropic.com/settings/keys.",
                    ClaudeRuntimeConfig.describe(name), ClaudeRuntimeConfig.property(name, "api-key"), ApiKeyShape.PREFIX,
                    ClaudeRuntimeConfig.property(name, "api-key"));
        }
    }

    /**
     * Warns, naming the property, when the base URL would send the key in clear text: plain {@code http} to another
     * machine (which {@code tls-required} refuses instead). The build warns too, but only of what it sees: a URL set
     * where the application runs (the environment, {@code -D}, a config source of production) is seen here first.
     */
    static void checkClearText(String name, ClaudeClientRuntimeConfig config, URI baseUri) {
        if (KeyTransport.inClearText(baseUri)) {
            LOG.warnf("%s=%s uses plain http to %s, which is not this machine: the API key of the %s travels in clear"
                    + " text. Use https, or http only to localhost; %s=true refuses such a URL at startup.",
                    ClaudeRuntimeConfig.property(name, "base-url"), KeyTransport.display(config.baseUrl(), baseUri),
                    baseUri.getHost(), ClaudeRuntimeConfig.describe(name), ClaudeRuntimeConfig.property(name, "tls-required"));
        }
    }

    /**
     * With {@code verify-on-startup}, asks the API for the configured model once.
     *
     * @throws ConfigurationException caused by the typed {@link AuthenticationException}, {@link PermissionException}
     *         or {@link NotFoundException} when the key or the model is refused
     */
    static void verify(String name, ClaudeClientRuntimeConfig config, ClaudeClient client) {
        String verifyProperty = ClaudeRuntimeConfig.property(name, "verify-on-startup");
        String modelProperty = ClaudeRuntimeConfig.property(name, "model");
        String model = config.model().filter(m -> !m.isBlank()).map(String::strip)
                .orElseThrow(() -> new ConfigurationException(verifyProperty + "=true needs a model to check: set "
                        + modelProperty + ", or remove " + verifyProperty));
        try {
            client.models().retrieve(model);
            LOG.debugf("The %s reached the API and may use %s", ClaudeRuntimeConfig.describe(name), model);
        } catch (AuthenticationException e) {
            throw new ConfigurationException(verifyProperty + ": the API refused the key of the " + ClaudeRuntimeConfig.describe(name)
                    + " (" + e.status() + " " + e.errorType() + "). Set a valid key in " + ClaudeRuntimeConfig.property(name, "api-key")
                    + " or the ANTHROPIC_API_KEY environment variable.", e);
        } catch (PermissionException e) {
            throw new ConfigurationException(verifyProperty + ": the key of the " + ClaudeRuntimeConfig.describe(name)
                    + " may not use " + modelProperty + "=" + model + " (" + e.status() + " " + e.errorType()
                    + "). Use a key with access to the model, or another model.", e);
        } catch (NotFoundException e) {
            throw new ConfigurationException(verifyProperty + ": " + modelProperty + "=" + model
                    + " is unknown to the API or not available to this key (" + e.status() + " " + e.errorType()
                    + "). Fix the model id; GET /v1/models lists the models the key may use.", e);
        } catch (ClaudeException e) {
            LOG.warnf("%s: could not verify the %s at startup, going on: %s", verifyProperty, ClaudeRuntimeConfig.describe(name),
                    e.getMessage());
        }
    }
}
