package io.quarkiverse.claude.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** What ObservabilityTest and TracingTest observe: the "metered" client's metrics, spans and readiness. */
public class ObservabilityProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return ProfileConfig.forTheTestSimulator()
                // a client with its own model, so its metrics are its own; 2 retries of 429 and 529 with short waits
                .simulatorClient("metered",
                        "model", "claude-opus-4-5",
                        "resilience.rate-limit.max-retries", "2",
                        "resilience.rate-limit.delay", "10ms",
                        "resilience.overloaded.max-retries", "2",
                        "resilience.overloaded.delay", "10ms",
                        "resilience.overloaded.max-delay", "20ms",
                        "resilience.circuit-breaker.enabled", "false")
                // a price override: claude-opus-4-5 lists at $5 / $25 per million input / output tokens
                .property("quarkus.claude.prices.\"claude-opus-4-5\".input", "10")
                // the readiness check's API check: GET /v1/models at most once an hour per client in use
                .property("quarkus.claude.health.api-check-interval", "1h")
                // spans reach the in-memory exporter (InMemorySpans) within 20 ms of their end
                .property("quarkus.otel.bsp.schedule.delay", "20ms")
                .build();
    }
}
