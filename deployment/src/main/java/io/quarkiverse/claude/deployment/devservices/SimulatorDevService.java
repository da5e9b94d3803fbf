package io.quarkiverse.claude.deployment.devservices;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.deployment.builditem.Startable;

/** The Claude simulator as a Dev Service: started in the dev or test JVM, on 127.0.0.1 and a free port. */
final class SimulatorDevService implements Startable {

    private final Scenario scenario;
    private ClaudeSimulator simulator;

    SimulatorDevService(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void start() {
        simulator = ClaudeSimulator.start(SimulatorOptions.defaults().scenario(scenario));
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    Scenario scenario() {
        return scenario;
    }

    @Override
    public String getConnectionInfo() {
        return simulator == null ? "not started" : simulator.baseUrl();
    }

    @Override
    public String getContainerId() {
        return null; // not a container: it runs inside the application's JVM
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
