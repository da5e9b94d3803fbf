package io.quarkiverse.claude.it;

import java.util.Map;
import java.util.TreeSet;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Tells a test which Claude settings the application's Dev Services provided: the names of those properties, as the
 * configuration value {@value #PROPERTY} ({@value #NONE} when Dev Services for Claude started no simulator).
 */
public class DevServicesSeen implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    static final String PROPERTY = "it.dev-services.claude-properties";
    static final String NONE = "none";

    private Map<String, String> devServices = Map.of();

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        devServices = context.devServicesProperties();
    }

    @Override
    public Map<String, String> start() {
        TreeSet<String> claude = new TreeSet<>();
        devServices.keySet().stream().filter(name -> name.startsWith("quarkus.claude.")).forEach(claude::add);
        return Map.of(PROPERTY, claude.isEmpty() ? NONE : String.join(",", claude));
    }

    @Override
    public void stop() {
    }
}
