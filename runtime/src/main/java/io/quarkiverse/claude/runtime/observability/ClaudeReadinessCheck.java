package io.quarkiverse.claude.runtime.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.RateLimits.RateLimit;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.client.ClaudeClientImpl;
import io.quarkiverse.claude.runtime.client.ClaudeClientRegistry;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The readiness of the Claude clients in use: DOWN while a circuit breaker is open (the calls would fail at once), or
 * when the optional API check ({@code quarkus.claude.health.api-check-interval}) last failed; with the latest
 * rate-limit snapshot of each client. A probe never calls the API: the API check runs in the background, at most once
 * per interval. Registered only when the application has {@code quarkus-smallrye-health}.
 */
@Readiness
@ApplicationScoped
public class ClaudeReadinessCheck implements HealthCheck {

    static final String NAME = "Claude clients";

    private final ClaudeClientRegistry clients;
    private final Optional<Duration> apiCheckInterval;
    private final Map<String, ApiCheck> apiChecks = new ConcurrentHashMap<>();

    public ClaudeReadinessCheck(ClaudeClientRegistry clients, ClaudeRuntimeConfig config) {
        this.clients = clients;
        this.apiCheckInterval = config.healthApiCheckInterval();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean up = true;
        Map<String, ClaudeClientImpl> inUse = new TreeMap<>(clients.clientsInUse());
        for (Map.Entry<String, ClaudeClientImpl> entry : inUse.entrySet()) {
            String name = entry.getKey();
            ClaudeClientImpl client = entry.getValue();
            String circuit = client.calls().circuitState();
            up &= !"open".equals(circuit);
            response.withData(name + ".circuit-breaker", circuit);
            String shared = client.calls().sharedLimitsStatus();
            if (shared != null) {
                // a Redis outage is a detail, never DOWN: the calls go on with local limits
                response.withData(name + ".shared-limits", shared);
            }
            RateLimits limits = client.lastRateLimits();
            remaining(response, name + ".requests", limits.requests());
            remaining(response, name + ".tokens", limits.tokens());
            remaining(response, name + ".input-tokens", limits.inputTokens());
            remaining(response, name + ".output-tokens", limits.outputTokens());
            if (apiCheckInterval.isPresent()) {
                ApiCheck check = apiChecks.computeIfAbsent(name, n -> new ApiCheck(client));
                check.refreshIfOlderThan(apiCheckInterval.get());
                response.withData(name + ".api", check.status);
                up &= !check.failed;
            }
        }
        for (Map.Entry<String, ClaudeCalls> policy : new TreeMap<>(clients.annotationPoliciesInUse()).entrySet()) {
            String circuit = policy.getValue().circuitState();
            up &= !"open".equals(circuit);
            response.withData("@ClaudeResilience(" + policy.getKey() + ").circuit-breaker", circuit);
        }
        return response.status(up).build();
    }

    private static void remaining(HealthCheckResponseBuilder response, String prefix, RateLimit limit) {
        if (limit != null && limit.remaining() != null) {
            response.withData(prefix + "-remaining", limit.remaining());
            if (limit.reset() != null) {
                response.withData(prefix + "-reset", limit.reset().toString());
            }
        }
    }

    /** The latest result of {@code GET /v1/models?limit=1} for one client, refreshed in the background. */
    static final class ApiCheck {
        private final ClaudeClientImpl client;
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile Instant lastStart = Instant.EPOCH;
        volatile String status = "pending";
        volatile boolean failed;

        ApiCheck(ClaudeClientImpl client) {
            this.client = client;
        }

        void refreshIfOlderThan(Duration interval) {
            if (Instant.now().isBefore(lastStart.plus(interval)) || !running.compareAndSet(false, true)) {
                return;
            }
            lastStart = Instant.now();
            Infrastructure.getDefaultExecutor().execute(() -> {
                try {
                    client.models().list(PageParams.first(1));
                    status = "UP at " + Instant.now();
                    failed = false;
                } catch (ClaudeApiException api) {
                    status = "DOWN at " + Instant.now() + ": " + api.status() + " " + api.errorType()
                            + api.requestId().map(id -> ", request-id " + id).orElse("");
                    failed = true;
                } catch (RuntimeException other) {
                    status = "DOWN at " + Instant.now() + ": " + other.getClass().getSimpleName();
                    failed = true;
                } finally {
                    running.set(false);
                }
            });
        }
    }
}
