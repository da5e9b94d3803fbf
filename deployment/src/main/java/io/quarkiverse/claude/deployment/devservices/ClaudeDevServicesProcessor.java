package io.quarkiverse.claude.deployment.devservices;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.claude.deployment.ClaudeClientNamesBuildItem;
import io.quarkiverse.claude.runtime.config.ClaudeDevServicesBuildTimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.Expressions;

/**
 * Dev Services for Claude: in dev and test mode, with no key and no base URL configured, the bundled simulator starts
 * and the default client talks to it. Production never does this.
 */
class ClaudeDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(ClaudeDevServicesProcessor.class);

    static final String FEATURE = "claude";
    static final String ENV_KEY = "ANTHROPIC_API_KEY";

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    DevServicesResultBuildItem startSimulator(ClaudeDevServicesBuildTimeConfig config, ClaudeClientNamesBuildItem clients) {
        if (!config.enabled()) {
            LOG.debug("Not starting Dev Services for Claude: quarkus.claude.devservices.enabled=false");
            return null;
        }
        Map<String, Function<SimulatorDevService, String>> providers = new LinkedHashMap<>();
        Set<String> overriding = new HashSet<>();
        List<String> served = new ArrayList<>();
        for (String client : clients.names()) {
            String apiKey = ClaudeRuntimeConfig.property(client, "api-key");
            String baseUrl = ClaudeRuntimeConfig.property(client, "base-url");
            boolean defaultWithEnvKey = ClaudeRuntimeConfig.isDefault(client) && isSet(ENV_KEY);
            if (defaultWithEnvKey || isSet(apiKey) || isSet(baseUrl)) {
                continue; // this client is configured for a real endpoint
            }
            providers.put(baseUrl, SimulatorDevService::baseUrl);
            providers.put(apiKey, service -> ClaudeSimulator.DEFAULT_API_KEY);
            if (isUnexpandable(apiKey)) {
                // quarkus.claude.api-key=${ANTHROPIC_API_KEY} with no such variable: the simulator's key must win over
                // application.properties, or the expression fails to expand at startup
                overriding.add(apiKey);
            }
            served.add(client);
        }
        if (served.isEmpty()) {
            LOG.debug("Not starting Dev Services for Claude: every client has a key or a base URL");
            return null;
        }
        Scenario scenario = scenario(config);
        return DevServicesResultBuildItem.<SimulatorDevService> owned()
                .feature(FEATURE)
                .serviceName("claude-simulator")
                .serviceConfig(scenario + " " + served)
                .startable(() -> new SimulatorDevService(scenario))
                .postStartHook(service -> LOG.infof("Dev Services for Claude started the Claude simulator at %s"
                        + " (scenario: %s) for the clients %s. Set ANTHROPIC_API_KEY (or quarkus.claude.api-key) to"
                        + " use the real API.", service.baseUrl(), service.scenario(), served))
                .configProvider(providers)
                .highPriorityConfig(overriding)
                .build();
    }

    /**
     * @return whether the property has a non-empty value; an expression that cannot be expanded yet (such as
     *         {@code ${ANTHROPIC_API_KEY}} with no such variable) counts as not set
     */
    private static boolean isSet(String property) {
        try {
            return ConfigUtils.isPropertyNonEmpty(property);
        } catch (RuntimeException unexpandable) {
            return false;
        }
    }

    /** @return whether the property is set to an expression that gives no value yet */
    private static boolean isUnexpandable(String property) {
        String raw = Expressions.withoutExpansion(
                () -> ConfigProvider.getConfig().getConfigValue(property).getValue());
        return raw != null && raw.contains("${") && !isSet(property);
    }

    /** The named scenario, or, when any finer setting is given, exactly those faults. */
    static Scenario scenario(ClaudeDevServicesBuildTimeConfig config) {
        boolean tuned = !config.faultRate().isEmpty() || config.dropRate().isPresent() || config.retryAfter().isPresent()
                || config.latency().isPresent();
        if (!tuned) {
            try {
                return Scenario.parse(config.scenario());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("quarkus.claude.devservices.scenario=" + config.scenario() + ": "
                        + e.getMessage());
            }
        }
        Scenario.Builder builder = Scenario.builder();
        config.faultRate().forEach((status, rate) -> builder.faultRate(status(status), rate));
        config.dropRate().ifPresent(builder::dropRate);
        config.retryAfter().ifPresent(builder::retryAfter);
        config.latency().ifPresent(latency -> builder.latency(latency, latency));
        return builder.build();
    }

    private static int status(String key) {
        try {
            return Integer.parseInt(key.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("quarkus.claude.devservices.fault-rate.\"" + key
                    + "\": the key must be an HTTP status, for example quarkus.claude.devservices.fault-rate.\"429\"=0.2");
        }
    }
}
