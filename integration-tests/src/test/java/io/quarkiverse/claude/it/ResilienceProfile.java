package io.quarkiverse.claude.it;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The resilience suites: ResilienceTest, StreamingResilienceTest, CallEventsTest, AnnotationPolicyTest,
 * CancellationTest, UnderLoadTest, FaultMatrixTest and ThrottlingTest. A client with the default retry counts but waits
 * of tens of milliseconds, one client per policy under test (budgets, deadline, proactive throttling, bulkheads,
 * circuit breaker), the fault matrix's, and proactive throttling's against a second simulator. Only "breaker" of the
 * policy clients has a circuit breaker: a test's failures must not open a circuit for the next.
 */
public class ResilienceProfile implements QuarkusTestProfile {

    /** ThrottlingTest's simulator, which admits 3 requests per 600 ms; it sets the base URL of its clients. */
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ThrottledSimulatorResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return ProfileConfig.forTheTestSimulator()
                // AnnotationPolicyTest: ResilientSummaries puts its own policies around the default client, whose own
                // retries are off, so the attempts the simulator sees are the policy's
                .with(DefaultClientProfile.SINGLE_ATTEMPTS)
                // the default retry counts, short waits: ResilienceTest, StreamingResilienceTest, CallEventsTest, and
                // the policy of @ClaudeResilience("retrying") (AnnotationPolicyTest)
                .simulatorClient("retrying",
                        "resilience.rate-limit.delay", "20ms",
                        "resilience.rate-limit.max-delay", "80ms",
                        "resilience.rate-limit.max-retry-after", "400ms",
                        "resilience.overloaded.delay", "20ms",
                        "resilience.overloaded.max-delay", "80ms",
                        "resilience.server-error.delay", "10ms",
                        "resilience.server-error.max-delay", "40ms",
                        "resilience.timeout.delay", "10ms",
                        "resilience.timeout.max-delay", "40ms",
                        "resilience.connection.delay", "10ms",
                        "resilience.connection.max-delay", "40ms",
                        "resilience.conflict.delay", "10ms",
                        "resilience.conflict.max-delay", "40ms",
                        "resilience.circuit-breaker.enabled", "false")
                // ResilienceTest's policies, one client each. Attempts that time out after 400 ms (the per-attempt
                // timeout, not read-timeout)
                .simulatorClient("short-attempts",
                        "resilience.attempt-timeout", "400ms",
                        "resilience.timeout.delay", "10ms",
                        "resilience.timeout.max-delay", "40ms",
                        "resilience.circuit-breaker.enabled", "false")
                // small budgets: 2 retries of 429, 1 of 529
                .simulatorClient("budgets",
                        "resilience.rate-limit.max-retries", "2",
                        "resilience.rate-limit.delay", "10ms",
                        "resilience.overloaded.max-retries", "1",
                        "resilience.overloaded.delay", "10ms",
                        "resilience.circuit-breaker.enabled", "false")
                // a 500 ms deadline, and long retry-afters allowed
                .simulatorClient("deadline",
                        "resilience.deadline", "500ms",
                        "resilience.rate-limit.max-retry-after", "10s",
                        "resilience.circuit-breaker.enabled", "false",
                        // ResilienceTest's three deadline tests share this client: proactive throttling would make the
                        // first one's 429 (retry-after 2 s) hold the next one's call, which its 500 ms deadline then
                        // fails before it is sent
                        "resilience.throttling.enabled", "false")
                // proactive throttling (the default): its 429s hold all its calls
                .simulatorClient("held",
                        "resilience.circuit-breaker.enabled", "false")
                // ... and one whose 429s may ask for at most 300 ms: a longer pause refuses its calls
                .simulatorClient("capped",
                        "resilience.rate-limit.max-retry-after", "300ms",
                        "resilience.circuit-breaker.enabled", "false")
                // 429s on the plain backoff, whatever their retry-after says
                .simulatorClient("plain-backoff",
                        "resilience.rate-limit.honor-retry-after", "false",
                        "resilience.rate-limit.delay", "10ms",
                        "resilience.rate-limit.max-delay", "40ms",
                        "resilience.circuit-breaker.enabled", "false")
                // a bulkhead that admits 2 attempts (or streams) and queues 1
                .simulatorClient("narrow",
                        "resilience.bulkhead.max-concurrent", "2",
                        "resilience.bulkhead.max-queued", "1",
                        "resilience.circuit-breaker.enabled", "false")
                // a bulkhead that admits 1 attempt and queues none
                .simulatorClient("no-queue",
                        "resilience.bulkhead.max-concurrent", "1",
                        "resilience.bulkhead.max-queued", "0",
                        "resilience.circuit-breaker.enabled", "false")
                // the default bulkhead (64 in flight, 256 queued) and no retries of 529 (ResilienceTest,
                // CancellationTest, UnderLoadTest)
                .simulatorClient("bulkhead",
                        "resilience.circuit-breaker.enabled", "false",
                        "resilience.overloaded.max-retries", "0",
                        // UnderLoadTest's 1,000 calls of max_tokens 1024 exceed the simulator's 400,000 output tokens
                        // a minute: proactive throttling would hold them
                        "resilience.throttling.enabled", "false")
                // a circuit that opens after 4 attempts, half of them 529, and half-opens after 500 ms
                .simulatorClient("breaker",
                        "resilience.overloaded.max-retries", "0",
                        "resilience.rate-limit.max-retries", "0",
                        "resilience.circuit-breaker.request-volume-threshold", "4",
                        "resilience.circuit-breaker.failure-ratio", "0.5",
                        "resilience.circuit-breaker.delay", "500ms")
                // FaultMatrixTest: one retry per class with waits of a few ms, 500 ms per attempt and between stream
                // events, a 1 MB answer limit and a 5 s deadline, so that every cell of the matrix ends within seconds
                .simulatorClient("matrix",
                        "max-response-size", "1M",
                        "resilience.attempt-timeout", "500ms",
                        "resilience.stream-idle-timeout", "500ms",
                        "resilience.deadline", "5s",
                        "resilience.rate-limit.max-retries", "1",
                        "resilience.rate-limit.delay", "5ms",
                        "resilience.rate-limit.max-retry-after", "50ms",
                        "resilience.overloaded.max-retries", "1",
                        "resilience.overloaded.delay", "5ms",
                        "resilience.server-error.max-retries", "1",
                        "resilience.server-error.delay", "5ms",
                        "resilience.timeout.max-retries", "1",
                        "resilience.timeout.delay", "5ms",
                        "resilience.connection.max-retries", "1",
                        "resilience.connection.delay", "5ms",
                        "resilience.conflict.max-retries", "1",
                        "resilience.conflict.delay", "5ms",
                        "resilience.circuit-breaker.enabled", "false")
                // ... its connection-refused cells (no retries)
                .with(DefaultClientProfile.OFFLINE)
                // ... and its redirect row: app-wide, Quarkus' REST Clients follow redirects; the Claude clients still
                // never do
                .property("quarkus.rest-client.follow-redirects", "true")
                // ThrottlingTest: clients of ThrottledSimulatorResource (which sets their base URLs), "throttled" with
                // the default proactive throttling, "unthrottled" without, and "throttled-short", whose calls have a
                // 300 ms deadline, shorter than the simulator's window; none retries a 429, so any 429 fails a call
                .client("throttled",
                        "api-key", "sk-ant-api03-throttled-key",
                        "model", "claude-sonnet-4-6",
                        "resilience.rate-limit.max-retries", "0")
                .client("unthrottled",
                        "api-key", "sk-ant-api03-unthrottled-key",
                        "model", "claude-sonnet-4-6",
                        "resilience.rate-limit.max-retries", "0",
                        "resilience.throttling.enabled", "false")
                .client("throttled-short",
                        "api-key", "sk-ant-api03-throttled-short-key",
                        "model", "claude-sonnet-4-6",
                        "resilience.deadline", "300ms",
                        "resilience.rate-limit.max-retries", "0")
                .build();
    }
}
