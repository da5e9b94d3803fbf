package io.quarkiverse.claude.deployment.devservices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.claude.deployment.ClaudeClientNamesBuildItem;
import io.quarkiverse.claude.deployment.config.ClaudeDevServicesBuildTimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.TestProfileBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.Expressions;

/**
 * Dev Services for Claude: in dev and test mode, with no key and no base URL configured, the bundled simulator starts
 * and the default client talks to it. Production never does this. Tests whose global
 * {@code ClaudeSimulatorTestResource} starts a simulator of their own (see {@link SimulatorTestResource}) get none:
 * the clients Dev Services would serve talk to the test resource's simulator.
 * <p>
 * The simulator runs in the build's JVM, needs no container, and so uses none of Quarkus's container Dev Services
 * machinery (which would probe for Docker): it is started here, kept across dev mode's restarts while its scenario
 * stays the same, and closed with the application. Its URL and key reach the application as configuration defaults;
 * a key configured as {@code ${SOME_VARIABLE}} with no such variable gets the simulator's key as that variable's
 * default, so that the expression expands.
 */
class ClaudeDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(ClaudeDevServicesProcessor.class);

    static final String FEATURE = "claude";
    static final String ENV_KEY = "ANTHROPIC_API_KEY";
    /** A whole value that is one variable, such as {@code ${ANTHROPIC_API_KEY}}. */
    private static final Pattern ONE_VARIABLE = Pattern.compile("\\$\\{([^:}$]+)}");

    // guarded by the class: the simulator of the last build and the scenario it runs
    private static ClaudeSimulator simulator;
    private static Scenario running;

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    DevServicesResultBuildItem startSimulator(ClaudeDevServicesBuildTimeConfig config, ClaudeClientNamesBuildItem clients,
            CuratedApplicationShutdownBuildItem shutdown, LaunchModeBuildItem launchMode, CombinedIndexBuildItem index,
            Optional<TestProfileBuildItem> testProfile, BuildProducer<DevServicesSimulatorBuildItem> started,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> runtimeDefaults) {
        if (!config.enabled()) {
            LOG.debug("Not starting Dev Services for Claude: quarkus.claude.devservices.enabled=false");
            stop();
            return null;
        }
        Optional<String> testResource = launchMode.isTest()
                ? SimulatorTestResource.declaredBy(index.getIndex(),
                        testProfile.map(TestProfileBuildItem::getTestProfileClassName))
                : Optional.empty();
        List<String> served = new ArrayList<>();
        List<String> keysToDefault = new ArrayList<>();
        List<String> variablesToDefault = new ArrayList<>();
        for (String client : clients.names()) {
            String apiKey = ClaudeRuntimeConfig.property(client, "api-key");
            String baseUrl = ClaudeRuntimeConfig.property(client, "base-url");
            if (testResource.isPresent() && ClaudeRuntimeConfig.isDefault(client)) {
                continue; // the test resource configures it
            }
            boolean defaultWithEnvKey = ClaudeRuntimeConfig.isDefault(client) && isSet(ENV_KEY);
            if (defaultWithEnvKey || isSet(apiKey) || isSet(baseUrl)) {
                continue; // this client is configured for a real endpoint
            }
            String raw = rawValue(apiKey);
            if (raw == null || raw.isBlank()) {
                keysToDefault.add(apiKey);
            } else {
                Matcher variable = ONE_VARIABLE.matcher(raw.trim());
                if (!variable.matches()) {
                    LOG.warnf("Dev Services for Claude leave the %s alone: %s=%s gives no key, and it is not a"
                            + " single ${VARIABLE} whose default the simulator's key could be. Set the key, or"
                            + " quarkus.claude.devservices.enabled=false.", ClaudeRuntimeConfig.describe(client), apiKey, raw);
                    continue;
                }
                variablesToDefault.add(variable.group(1));
            }
            served.add(client);
        }
        if (testResource.isPresent()) {
            // A second simulator would only run beside the test resource's. That one starts after the build, so its
            // URL is unknown here: the other clients reach it through the default client's properties, which it sets.
            defaults(served, keysToDefault, variablesToDefault, "${quarkus.claude.base-url}", "${quarkus.claude.api-key}")
                    .forEach((property, value) -> runtimeDefaults.produce(new RunTimeConfigurationDefaultBuildItem(property,
                            value)));
            LOG.infof("Dev Services for Claude start no simulator: %s starts one with"
                    + " @QuarkusTestResource(ClaudeSimulatorTestResource.class)%s", testResource.get(),
                    served.isEmpty() ? "" : ", and the clients " + served + " talk to it too");
            stop();
            return null;
        }
        if (served.isEmpty()) {
            LOG.debug("Not starting Dev Services for Claude: every client has a key or a base URL");
            stop();
            return null;
        }
        Scenario scenario = scenario(config);
        String baseUrl = simulatorFor(scenario, served, shutdown);
        started.produce(new DevServicesSimulatorBuildItem(baseUrl));
        Map<String, String> defaults = defaults(served, keysToDefault, variablesToDefault, baseUrl,
                ClaudeSimulator.DEFAULT_API_KEY);
        // not an owned Dev Service: those need quarkus-devservices, which probes for Docker in dev mode
        return DevServicesResultBuildItem.discovered()
                .feature(FEATURE)
                .description("Claude simulator at " + baseUrl + " (" + scenario + ")")
                .config(defaults)
                .build();
    }

    /** @return the URL of a simulator running {@code scenario}: the one already running, or a new one */
    private static synchronized String simulatorFor(Scenario scenario, List<String> served,
            CuratedApplicationShutdownBuildItem shutdown) {
        if (simulator == null || !scenario.equals(running)) {
            stop();
            simulator = ClaudeSimulator.start(SimulatorOptions.defaults().scenario(scenario));
            running = scenario;
            shutdown.addCloseTask(ClaudeDevServicesProcessor::stop, true);
            LOG.infof("Dev Services for Claude started the Claude simulator at %s (scenario: %s) for the clients %s."
                    + " Set %s to use the real API.", simulator.baseUrl(), scenario, served, keysToSet(served));
        }
        return simulator.baseUrl();
    }

    /** @return the configuration that points the served clients at a simulator: its URL and its key */
    private static Map<String, String> defaults(List<String> served, List<String> keysToDefault,
            List<String> variablesToDefault, String baseUrl, String apiKey) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String client : served) {
            defaults.put(ClaudeRuntimeConfig.property(client, "base-url"), baseUrl);
        }
        keysToDefault.forEach(key -> defaults.put(key, apiKey));
        variablesToDefault.forEach(variable -> defaults.put(variable, apiKey));
        return defaults;
    }

    /** @return what to set so that each served client talks to the real API: the env variable counts for the default */
    static String keysToSet(List<String> served) {
        return served.stream().map(client -> ClaudeRuntimeConfig.isDefault(client)
                ? ENV_KEY + " (or " + ClaudeRuntimeConfig.property(client, "api-key") + ")"
                : ClaudeRuntimeConfig.property(client, "api-key")).collect(Collectors.joining(", "));
    }

    private static synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
            running = null;
        }
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

    /** @return the property's value as written, expressions not expanded; {@code null} when it is not set */
    private static String rawValue(String property) {
        return Expressions.withoutExpansion(() -> ConfigProvider.getConfig().getConfigValue(property).getValue());
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
