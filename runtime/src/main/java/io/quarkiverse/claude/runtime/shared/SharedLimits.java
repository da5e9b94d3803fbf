package io.quarkiverse.claude.runtime.shared;

import java.util.function.Supplier;

import io.quarkiverse.claude.runtime.call.AttemptGate;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;

/**
 * Makes the gates of the clients that share their limits with other replicas ({@code shared-limits.enabled}). Its
 * only implementation, {@link RedisSharedLimits}, is a bean only when the application has {@code quarkus-redis-client}
 * and enables shared limits; this interface names no Redis type, so that the clients can ask for it without loading
 * Redis.
 */
public interface SharedLimits {

    /**
     * @param apiKey the client's API key, of which only a salted hash goes into the default namespace
     * @param latest the client's newest rate-limit snapshot
     * @param local the client's own gate, which the shared one falls back to ({@code null} when throttling is off)
     */
    AttemptGate gate(String clientName, ClaudeClientRuntimeConfig config, String apiKey,
            Supplier<RateLimitTracker.Snapshot> latest, AttemptGate local);

    /** @return what the shared limits of each client did, for the metrics */
    SharedLimitsMeters meters();
}
