package io.quarkiverse.claude.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One simulator per test class, reset before each test, with an HTTP client for it. */
final class RunningSimulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final SimulatorOptions options;
    private ClaudeSimulator sim;
    private Http http;

    RunningSimulator() {
        this(SimulatorOptions.defaults());
    }

    RunningSimulator(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sim = ClaudeSimulator.start(options);
        http = new Http(sim);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sim.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sim.close();
    }

    ClaudeSimulator sim() {
        return sim;
    }

    Http http() {
        return http;
    }
}
