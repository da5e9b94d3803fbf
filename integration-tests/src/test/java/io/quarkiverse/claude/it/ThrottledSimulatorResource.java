package io.quarkiverse.claude.it;

import java.time.Duration;
import java.util.Map;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A second simulator, for ThrottlingTest: it admits 3 requests per 600 ms window and answers the others 429 with
 * truthful anthropic-ratelimit-requests-* headers. A test resource of {@link ResilienceProfile} only; ThrottlingTest
 * reaches it through {@link #simulator}.
 */
public class ThrottledSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final int REQUESTS = 3;
    static final Duration WINDOW = Duration.ofMillis(600);

    static volatile ClaudeSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = ClaudeSimulator.start(SimulatorOptions.defaults().requestsPerMinute(REQUESTS)
                .rateLimitWindow(WINDOW));
        return Map.of(
                "quarkus.claude.\"throttled\".base-url", simulator.baseUrl(),
                "quarkus.claude.\"unthrottled\".base-url", simulator.baseUrl(),
                "quarkus.claude.\"throttled-short\".base-url", simulator.baseUrl());
    }

    @Override
    public void stop() {
        ClaudeSimulator s = simulator;
        simulator = null;
        if (s != null) {
            s.close();
        }
    }
}
