package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

/** The Quarkus test resource's lifecycle, driven by hand as Quarkus would drive it. */
class ClaudeSimulatorTestResourceTest {

    /** Stands in for a user's test class. */
    static class SomeTest {
        @InjectClaudeSimulator
        ClaudeSimulator claude;

        ClaudeSimulator notAnnotated;

        @InjectClaudeSimulator
        String wrongType;
    }

    /** Injects like Quarkus: every field of the test instance that matches the predicate. */
    private static TestInjector injectorFor(Object testInstance) {
        return (Object value, Predicate<Field> predicate) -> {
            for (Field f : testInstance.getClass().getDeclaredFields()) {
                if (predicate.test(f)) {
                    try {
                        f.setAccessible(true);
                        f.set(testInstance, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }

    @Test
    void startsConfiguresInjectsAndStops() throws Exception {
        ClaudeSimulatorTestResource resource = new ClaudeSimulatorTestResource();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        try {
            ClaudeSimulator sim = resource.simulator();
            assertEquals(Map.of("quarkus.claude.base-url", sim.baseUrl(),
                    "quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY), config);

            SomeTest test = new SomeTest();
            resource.inject(injectorFor(test));
            assertSame(sim, test.claude);
            assertNull(test.notAnnotated);
            assertNull(test.wrongType);

            assertEquals(200, new Http(sim).get("/v1/models").statusCode());
        } finally {
            resource.stop();
        }
        assertNull(resource.simulator());
        URI stopped = URI.create(config.get("quarkus.claude.base-url") + "/v1/models");
        assertThrows(IOException.class, () -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(stopped).build(), HttpResponse.BodyHandlers.ofString()),
                "the simulator no longer listens");
    }

    @Test
    void apiKeyArgumentIsRequiredAndConfigured() throws Exception {
        ClaudeSimulatorTestResource resource = new ClaudeSimulatorTestResource();
        resource.init(Map.of(ClaudeSimulatorTestResource.API_KEY_ARG, "sk-custom"));
        Map<String, String> config = resource.start();
        try {
            assertEquals("sk-custom", config.get("quarkus.claude.api-key"));
            Http http = new Http(resource.simulator());
            assertEquals(401, http.get("/v1/models").statusCode(), "the default key is refused now");
            Map<String, String> headers = Http.apiHeaders();
            headers.put("x-api-key", "sk-custom");
            assertEquals(200, http.send("GET", "/v1/models", null, headers).statusCode());
            assertNotNull(resource.simulator());
        } finally {
            resource.stop();
        }
    }

    @Test
    void scenarioAndBudgetArguments() throws Exception {
        ClaudeSimulatorTestResource resource = new ClaudeSimulatorTestResource();
        resource.init(Map.of(ClaudeSimulatorTestResource.SCENARIO_ARG, "Overloaded",
                ClaudeSimulatorTestResource.REQUESTS_PER_MINUTE_ARG, "7"));
        resource.start();
        try {
            ClaudeSimulator sim = resource.simulator();
            assertSame(Scenario.overloaded(), sim.scenario());
            sim.scenario(Scenario.normal());
            HttpResponse<String> r = new Http(sim).post("/v1/messages", Http.message("claude-opus-4-8", 10, "hi"));
            assertEquals("7", r.headers().firstValue("anthropic-ratelimit-requests-limit").orElseThrow());
            assertEquals("6", r.headers().firstValue("anthropic-ratelimit-requests-remaining").orElseThrow());
        } finally {
            resource.stop();
        }
        ClaudeSimulatorTestResource bad = new ClaudeSimulatorTestResource();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bad.init(Map.of(ClaudeSimulatorTestResource.SCENARIO_ARG, "chaos")));
        assertTrue(e.getMessage().contains("flaky"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> bad.init(Map.of(ClaudeSimulatorTestResource.REQUESTS_PER_MINUTE_ARG, "lots")));
    }
}
