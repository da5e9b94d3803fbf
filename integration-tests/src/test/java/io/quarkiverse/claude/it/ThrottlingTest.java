package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Proactive throttling against a simulator that admits 3 requests per 600 ms: the "throttled" client waits for the
 * reset instead of earning 429s; the "unthrottled" one, without proactive throttling, earns one.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class ThrottlingTest {

    @jakarta.inject.Inject
    @ClaudeClientName("throttled")
    ClaudeClient throttled;

    @jakarta.inject.Inject
    @ClaudeClientName("unthrottled")
    ClaudeClient unthrottled;

    @Test
    void proactiveThrottlingEarnsNo429() {
        ClaudeSimulator simulator = ThrottledSimulatorResource.simulator.reset();
        long start = System.nanoTime();

        for (int i = 0; i < 7; i++) {
            throttled.ask("call " + i); // a 429 would fail the call: the client does not retry them
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, simulator.stats().count(429), "no 429 with proactive throttling");
        assertEquals(7, simulator.stats().count(200));
        assertTrue(elapsed.compareTo(ThrottledSimulatorResource.WINDOW.multipliedBy(2)) >= 0,
                "7 requests at 3 per window waited for two resets: " + elapsed);
    }

    @jakarta.inject.Inject
    @ClaudeClientName("throttled-short")
    ClaudeClient throttledShort;

    @Test
    void aResetPastTheDeadlineFailsAtOnceWithoutSending() {
        ClaudeSimulator simulator = ThrottledSimulatorResource.simulator.reset();
        for (int i = 0; i < ThrottledSimulatorResource.REQUESTS; i++) {
            throttledShort.ask("call " + i);
        }
        long start = System.nanoTime();

        ClientTimeoutException failure = assertThrows(ClientTimeoutException.class, () -> throttledShort.ask("late"));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(250)) < 0,
                "failed at once, without waiting");
        assertTrue(failure.getMessage().contains("proactive throttling"), failure.getMessage());
        assertEquals(ThrottledSimulatorResource.REQUESTS, simulator.requests("/v1/messages").size(), "not sent");
        assertEquals(0, simulator.stats().count(429));
    }

    @Test
    void withoutItTheBudgetEarnsA429() {
        ClaudeSimulator simulator = ThrottledSimulatorResource.simulator.reset();

        assertThrows(RateLimitException.class, () -> {
            for (int i = 0; i < ThrottledSimulatorResource.REQUESTS + 1; i++) {
                unthrottled.ask("call " + i);
            }
        });
        assertEquals(1, simulator.stats().count(429));
    }
}
