package io.quarkiverse.claude.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The default client on single attempts, for the suites of the API's surface and of the demo's endpoints:
 * ErrorClassesTest, ChatResourceTest, QuickStartTest, DemoResourceTest, ClientFeaturesTest, StreamingTest, ToolUseTest,
 * CachingAndThinkingTest, BatchesTest, PreflightTest, StructuredOutputTest, SdkWireFidelityTest, ServerToolsTest and DevUiServiceTest; with
 * the clients of ClientFeaturesTest and the demo's batch as its tests run it.
 */
public class DefaultClientProfile implements QuarkusTestProfile {

    /**
     * The default client makes one attempt per call and has no circuit breaker: each suite sees the failure it scripts
     * at once (ErrorClassesTest checks every error class on its single attempt) and no suite's failures open the
     * circuit for the next. Also in {@link ResilienceProfile}, for the policies AnnotationPolicyTest puts around it.
     */
    static final Map<String, String> SINGLE_ATTEMPTS = ProfileConfig.create()
            .defaultClient(
                    "resilience.rate-limit.max-retries", "0",
                    "resilience.overloaded.max-retries", "0",
                    "resilience.server-error.max-retries", "0",
                    "resilience.timeout.max-retries", "0",
                    "resilience.connection.max-retries", "0",
                    "resilience.conflict.max-retries", "0",
                    "resilience.circuit-breaker.enabled", "false")
            .build();

    /** A client that cannot connect: nothing listens on port 1. ClientFeaturesTest's, and FaultMatrixTest's. */
    static final Map<String, String> OFFLINE = ProfileConfig.create()
            .client("offline",
                    "api-key", "sk-ant-api03-offline-key",
                    "base-url", "http://127.0.0.1:1",
                    "model", "claude-sonnet-4-6",
                    "resilience.connection.max-retries", "0")
            .build();

    /**
     * The demo's batch as its tests run it (DemoResourceTest here, DemoMainTest in its own profile): a few calls, and
     * the "demo" client's retry counts with backoffs of tens of ms. A 429's retry-after, 1 s in the scenarios, is still
     * waited out: never shortened.
     */
    static final Map<String, String> DEMO_BATCH = ProfileConfig.create()
            .property("demo.calls", "8")
            .client("demo",
                    "resilience.rate-limit.delay", "10ms",
                    "resilience.overloaded.delay", "10ms",
                    "resilience.overloaded.max-delay", "40ms",
                    "resilience.server-error.delay", "10ms",
                    "resilience.server-error.max-delay", "40ms",
                    "resilience.connection.delay", "10ms",
                    "resilience.connection.max-delay", "40ms",
                    "resilience.circuit-breaker.enabled", "false")
            .build();

    @Override
    public Map<String, String> getConfigOverrides() {
        return ProfileConfig.forTheTestSimulator()
                .with(SINGLE_ATTEMPTS)
                // ChatResourceTest: the betas go in one anthropic-beta header, and "fast" has a key of its own
                .defaultClient("betas", "prompt-caching-2024-07-31,token-efficient-tools-2025-02-19")
                .client("fast", "api-key", "sk-ant-api03-fast-client-key")
                // ClientFeaturesTest: one client that cannot connect, one that cannot wait, one that logs
                .with(OFFLINE)
                .simulatorClient("impatient",
                        "read-timeout", "300ms",
                        "resilience.timeout.max-retries", "0")
                .simulatorClient("logged",
                        "api-key", "sk-ant-api03-logged-secret-key",
                        "log-requests", "true",
                        "log-responses", "true")
                // StructuredOutputTest: a client that retries a structured answer that breaks the schema, once
                .simulatorClient("structured-retry", "resilience.structured-output.max-retries", "1")
                .with(DEMO_BATCH)
                .build();
    }
}
