package io.quarkiverse.claude.it;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a test profile adds to the demo's {@code application.properties}, written client by client: the default client's
 * keys relative to {@code quarkus.claude.}, a named client's relative to {@code quarkus.claude."name".}, any other
 * property in full. The profile returns {@link #build()} from {@code getConfigOverrides()}.
 */
final class ProfileConfig {

    /** The endpoint of the simulator that {@code ClaudeSimulatorTestResource} starts for every profile's tests. */
    static final String SIMULATOR = "${quarkus.claude.base-url}";

    private final Map<String, String> properties = new LinkedHashMap<>();

    private ProfileConfig() {
    }

    static ProfileConfig create() {
        return new ProfileConfig();
    }

    /**
     * The start of a profile whose tests use the simulator of {@code ClaudeSimulatorTestResource} (a global test
     * resource, declared on {@link SimulatorTest}): Dev Services stay off. The application sees the
     * {@code @ClaudeClientName} of every suite, also of those that run under other profiles, and Dev Services would
     * start a second simulator for the clients this profile leaves unconfigured.
     */
    static ProfileConfig forTheTestSimulator() {
        return create().property("quarkus.claude.devservices.enabled", "false");
    }

    /** Settings of the default client, e.g. {@code "resilience.overloaded.max-retries", "0"}. */
    ProfileConfig defaultClient(String... keysAndValues) {
        return put("quarkus.claude.", keysAndValues);
    }

    /**
     * A named client of the test simulator: a fake key of its own ({@code sk-ant-api03-NAME-key}), the simulator's
     * endpoint and {@code claude-sonnet-4-6}, then its own settings (which may replace any of those three).
     */
    ProfileConfig simulatorClient(String name, String... keysAndValues) {
        client(name, "api-key", "sk-ant-api03-" + name + "-key", "base-url", SIMULATOR, "model", "claude-sonnet-4-6");
        return client(name, keysAndValues);
    }

    /** A named client with exactly the settings given. */
    ProfileConfig client(String name, String... keysAndValues) {
        return put("quarkus.claude.\"" + name + "\".", keysAndValues);
    }

    /** Any property, by its full name. */
    ProfileConfig property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Everything another profile's configuration sets. */
    ProfileConfig with(Map<String, String> other) {
        properties.putAll(other);
        return this;
    }

    Map<String, String> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    private ProfileConfig put(String prefix, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values in pairs: " + String.join(", ", keysAndValues));
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(prefix + keysAndValues[i], keysAndValues[i + 1]);
        }
        return this;
    }
}
