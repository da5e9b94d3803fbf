package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application without Micrometer, OpenTelemetry, SmallRye Health and the Redis client (none is on this module's
 * test class path): it builds, starts and calls, with proactive throttling on (the default), and none of the optional
 * beans exists.
 */
class WithoutObservabilityExtensionsTest {

    static final String BASE_URL = SharedSimulator.baseUrl(WithoutObservabilityExtensionsTest.class,
            () -> ClaudeSimulator.start(SimulatorOptions.defaults()));

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Calls.class, SharedSimulator.class))
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.prices.\"claude-haiku-4-5\".input", "2")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL);

    @Inject
    ClaudeClient claude;

    @Inject
    Calls calls;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(WithoutObservabilityExtensionsTest.class);
    }

    @Test
    void callsWorkAndNoOptionalBeanIsRegistered() {
        claude.ask("hello");
        claude.ask("again");

        assertEquals(2, calls.seen().size());
        ClaudeCallEvent call = calls.seen().get(1);
        // the override: $2 per million input tokens; the list output price of Haiku 4.5, $5
        assertEquals((call.usage().inputTokens() * 2.0 + call.usage().outputTokens() * 5.0) / 1_000_000,
                call.estimatedCostUsd(), 1e-12);
        for (String absent : List.of("io.micrometer.core.instrument.MeterRegistry",
                "io.opentelemetry.api.OpenTelemetry", "org.eclipse.microprofile.health.HealthCheck",
                "io.vertx.mutiny.redis.client.Redis")) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName(absent, false, Thread.currentThread().getContextClassLoader()), absent);
        }
        List<String> optional = List.of("ClaudeMetrics", "ClaudeTracing", "ClaudeReadinessCheck", "RedisSharedLimits");
        assertTrue(Arc.container().beanManager().getBeans(Object.class).stream()
                .noneMatch(bean -> optional.contains(bean.getBeanClass().getSimpleName())),
                "no bean of the optional integrations");
    }

    @ApplicationScoped
    public static class Calls {
        private final List<ClaudeCallEvent> seen = new CopyOnWriteArrayList<>();

        void on(@Observes ClaudeCallEvent call) {
            seen.add(call);
        }

        public List<ClaudeCallEvent> seen() {
            return seen;
        }
    }
}
