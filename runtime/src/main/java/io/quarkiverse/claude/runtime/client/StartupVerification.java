package io.quarkiverse.claude.runtime.client;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.PermissionException;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The check of {@code verify-on-startup}: one call to the API. Apart from {@link StartupChecks} so that the checks every
 * injected client runs load no exception types of the API.
 */
final class StartupVerification {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.startup");

    private StartupVerification() {
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
