package io.quarkiverse.claude.deployment.connections;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Servers started once per test class, shared by both loadings of a QuarkusUnitTest class (JUnit's class loader, where
 * the application's configuration is written, and Quarkus's, where the test methods run). They are reached through JDK
 * types (strings, suppliers, runnables) kept in the system properties, so that no class of either loader leaks into
 * the other.
 */
final class SharedServers {

    private static final String KEY = SharedServers.class.getName();

    private SharedServers() {
    }

    /**
     * Starts the servers of {@code owner} unless they run. {@code start} returns their handles, JDK types only, with a
     * {@code "stop"} {@link Runnable}.
     */
    static Map<String, Object> of(Class<?> owner, Supplier<Map<String, Object>> start) {
        return all().computeIfAbsent(owner.getName(), name -> start.get());
    }

    /**
     * Configures the client at {@code prefix} (e.g. {@code quarkus.claude."name".}) to call the simulator at
     * {@code api} with its key and a catalogue model.
     */
    static QuarkusUnitTest simulatorClient(QuarkusUnitTest app, String prefix, String api) {
        return app.overrideConfigKey(prefix + "model", "claude-haiku-4-5")
                .overrideRuntimeConfigKey(prefix + "api-key", ClaudeSimulator.DEFAULT_API_KEY)
                .overrideRuntimeConfigKey(prefix + "base-url", api);
    }

    static void stop(Class<?> owner) {
        Map<String, Object> handles = all().remove(owner.getName());
        if (handles != null) {
            ((Runnable) handles.get("stop")).run();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> all() {
        synchronized (System.getProperties()) {
            return (Map<String, Map<String, Object>>) System.getProperties().computeIfAbsent(KEY,
                    k -> new ConcurrentHashMap<String, Map<String, Object>>());
        }
    }
}
