package io.quarkiverse.claude.runtime.observability;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.model.RateLimits.RateLimit;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.runtime.client.ClaudeClientImpl;
import io.quarkiverse.claude.runtime.client.ClaudeClientRegistry;
import io.quarkiverse.claude.runtime.shared.SharedLimits;
import io.quarkiverse.claude.runtime.shared.SharedLimitsMeters;

/**
 * Publishes every {@link ClaudeCallEvent} to Micrometer: calls, attempts and retries by outcome, latency, tokens, the
 * estimated cost, and gauges of the latest {@code anthropic-ratelimit-*-remaining} values. Registered only when the
 * application has {@code quarkus-micrometer}.
 */
@Singleton
public class ClaudeMetrics {

    public static final String DURATION = "gen_ai.client.operation.duration";
    public static final String TOKENS = "gen_ai.client.token.usage";
    /** The bucket boundaries the GenAI semantic conventions advise for the duration histogram, in seconds. */
    static final Duration[] DURATION_BUCKETS = java.util.stream.DoubleStream.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32,
            0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92).mapToObj(s -> Duration.ofNanos((long) (s * 1e9)))
            .toArray(Duration[]::new);
    /** The bucket boundaries the GenAI semantic conventions advise for the token usage histogram. */
    static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
            16777216, 67108864 };
    public static final String CALLS = "claude.client.calls";
    public static final String ATTEMPTS = "claude.client.attempts";
    public static final String RETRIES = "claude.client.retries";
    public static final String COST = "claude.client.cost";
    public static final String RATE_LIMIT_REMAINING = "claude.ratelimit.remaining";
    public static final String SHARED_WAIT = "claude.shared_limits.wait";
    public static final String SHARED_FALLBACKS = "claude.shared_limits.fallbacks";
    public static final String SHARED_CIRCUIT_REJECTIONS = "claude.shared_limits.circuit_rejections";

    private final MeterRegistry registry;
    private final ClaudeClientRegistry clients;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    /** Resolvable only when the build included shared limits. */
    private final Instance<SharedLimits> sharedLimits;

    public ClaudeMetrics(MeterRegistry registry, ClaudeClientRegistry clients, Instance<SharedLimits> sharedLimits) {
        this.registry = registry;
        this.clients = clients;
        this.sharedLimits = sharedLimits;
    }

    void onCall(@Observes ClaudeCallEvent call) {
        Tags tags = Tags.of(GenAi.SYSTEM, GenAi.ANTHROPIC, GenAi.CLIENT, call.client(), GenAi.OPERATION,
                GenAi.operation(call), GenAi.REQUEST_MODEL, GenAi.orNone(call.model()), GenAi.RESPONSE_MODEL,
                GenAi.orNone(call.responseModel()));
        String outcome = call.outcome();

        Counter.builder(CALLS).description("Calls of the Claude API, by outcome (success or error class)")
                .tags(tags).tag("outcome", outcome).register(registry).increment();
        Timer.builder(DURATION).description("Duration of Claude calls, every attempt and wait included")
                .serviceLevelObjectives(DURATION_BUCKETS)
                .tags(tags).tag(GenAi.ERROR_TYPE, call.succeeded() ? GenAi.NONE : outcome)
                .register(registry).record(call.duration());

        List<ClaudeCallEvent.Attempt> failed = call.failedAttempts();
        for (int i = 0; i < failed.size(); i++) {
            String errorClass = failed.get(i).outcome();
            attempts(tags, errorClass).increment();
            // every failed attempt but the last of a failed call was followed by another one
            if (call.succeeded() || i < failed.size() - 1) {
                Counter.builder(RETRIES).description("Retries of Claude calls, by the error class that caused them")
                        .tags(tags).tag(GenAi.ERROR_TYPE, errorClass).register(registry).increment();
            }
        }
        if (call.succeeded()) {
            attempts(tags, "success").increment();
        }

        Usage usage = call.usage();
        if (usage != null) {
            tokens(tags, "input", usage.inputTokens());
            tokens(tags, "output", usage.outputTokens());
            tokens(tags, "cache_write", usage.cacheCreationInputTokens());
            tokens(tags, "cache_read", usage.cacheReadInputTokens());
        }
        if (call.estimatedCostUsd() != null) {
            Counter.builder(COST).baseUnit("usd")
                    .description("Estimated cost of Claude calls in US dollars, from list or configured prices")
                    .tags(tags).register(registry).increment(call.estimatedCostUsd());
        }
        rateLimitGauges(call.client());
    }

    private Counter attempts(Tags tags, String outcome) {
        return Counter.builder(ATTEMPTS).description("Attempts sent to the Claude API, by outcome")
                .tags(tags).tag("outcome", outcome).register(registry);
    }

    private void tokens(Tags tags, String type, long count) {
        // no base unit: Prometheus would append it (gen_ai_client_token_usage_tokens_sum), where the semantic
        // conventions' unit {token} is an annotation that the OpenTelemetry Prometheus exporter drops
        DistributionSummary.builder(TOKENS).description("Tokens used per Claude call").serviceLevelObjectives(TOKEN_BUCKETS)
                .tags(tags).tag(GenAi.TOKEN_TYPE, type).register(registry).record(count);
    }

    /** Once per client (not per {@code @ClaudeResilience} policy), the first time it is seen. */
    private void rateLimitGauges(String client) {
        if (gauged.contains(client)) {
            return;
        }
        ClaudeClientImpl impl = clients.existing(client);
        if (impl == null || !gauged.add(client)) {
            return;
        }
        gauge(impl, "requests", RateLimits::requests);
        gauge(impl, "tokens", RateLimits::tokens);
        gauge(impl, "input_tokens", RateLimits::inputTokens);
        gauge(impl, "output_tokens", RateLimits::outputTokens);
        if (sharedLimits.isResolvable()) {
            SharedLimitsMeters.Counts counts = sharedLimits.get().meters().clients().get(client);
            if (counts != null) {
                sharedLimitsMeters(client, counts);
            }
        }
    }

    /** What the limits shared with other replicas did for the client: waits, Redis fallbacks, circuit rejections. */
    private void sharedLimitsMeters(String client, SharedLimitsMeters.Counts counts) {
        Tags tags = Tags.of(GenAi.SYSTEM, GenAi.ANTHROPIC, GenAi.CLIENT, client);
        FunctionTimer.builder(SHARED_WAIT, counts, c -> c.pauseWaits.sum(), c -> c.pauseWaitNanos.sum(),
                TimeUnit.NANOSECONDS).tags(tags).tag("reason", "pause")
                .description("Waits before attempts for the pause a 429 or 529 set for all the replicas")
                .register(registry);
        FunctionTimer.builder(SHARED_WAIT, counts, c -> c.budgetWaits.sum(), c -> c.budgetWaitNanos.sum(),
                TimeUnit.NANOSECONDS).tags(tags).tag("reason", "budget")
                .description("Waits before attempts for the rate budget shared by the replicas")
                .register(registry);
        FunctionCounter.builder(SHARED_FALLBACKS, counts, c -> c.fallbacks.sum()).tags(tags)
                .description("Attempts admitted by this replica's own limits because Redis did not answer")
                .register(registry);
        FunctionCounter.builder(SHARED_CIRCUIT_REJECTIONS, counts, c -> c.circuitRejections.sum()).tags(tags)
                .description("Calls rejected because another replica's circuit is open")
                .register(registry);
    }

    private void gauge(ClaudeClientImpl client, String limit, Function<RateLimits, RateLimit> which) {
        Gauge.builder(RATE_LIMIT_REMAINING, () -> {
            RateLimit value = which.apply(client.lastRateLimits());
            return value == null || value.remaining() == null ? Double.NaN : value.remaining();
        }).strongReference(true)
                .description("The latest anthropic-ratelimit-*-remaining value the API sent the client")
                .tags(GenAi.SYSTEM, GenAi.ANTHROPIC, GenAi.CLIENT, client.name(), "limit", limit)
                .register(registry);
    }
}
