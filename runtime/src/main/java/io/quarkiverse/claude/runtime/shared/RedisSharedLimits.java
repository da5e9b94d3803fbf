package io.quarkiverse.claude.runtime.shared;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;

import io.quarkiverse.claude.runtime.call.AttemptGate;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.config.SharedLimitsConfig;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.mutiny.redis.client.Redis;

/**
 * The shared limits on Redis. A bean when the application has {@code quarkus-redis-client} (see the deployment's
 * {@code SharedLimitsProcessor}), created only when a client sets {@code shared-limits.enabled}.
 */
@ApplicationScoped
public class RedisSharedLimits implements SharedLimits {

    private final SharedLimitsMeters meters = new SharedLimitsMeters();
    private final java.util.List<RedisScript> scripts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Before the Redis clients close: a report still due would only fail and log an outage. Only when the bean was
     * created: an application that shares nothing does not create it at shutdown.
     */
    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) io.quarkus.runtime.ShutdownEvent stop) {
        scripts.forEach(RedisScript::close);
    }

    @Override
    public AttemptGate gate(String clientName, ClaudeClientRuntimeConfig config, String apiKey,
            Supplier<RateLimitTracker.Snapshot> latest, AttemptGate local) {
        SharedLimitsConfig shared = config.sharedLimits();
        Namespace namespace = Namespace.of(clientName, shared.keyPrefix(), apiKey, config.baseUrl());
        RedisScript script = new RedisScript(clientName, redis(clientName, shared.redisClientName()), shared.timeout(),
                shared.connectTimeout(), shared.retryInterval());
        meters.of(clientName);
        scripts.add(script);
        script.warmUp();
        return new SharedGate(clientName, namespace, script, latest, local,
                config.resilience().throttling().enabled(), shared.timeout(), meters)
                .circuitDelay(config.resilience().circuitBreaker().delay());
    }

    @Override
    public SharedLimitsMeters meters() {
        return meters;
    }

    /** The Redis client the configuration names, or the default one; an unusable one fails with what to set. */
    static Redis redis(String clientName, Optional<String> redisClientName) {
        String property = ClaudeRuntimeConfig.property(clientName, "shared-limits.redis-client-name");
        InjectableInstance<Redis> redis = redisClientName.isPresent()
                ? Arc.container().select(Redis.class, RedisClientName.Literal.of(redisClientName.get()))
                : Arc.container().select(Redis.class, Default.Literal.INSTANCE);
        String hosts = redisClientName.map(name -> "quarkus.redis.\"" + name + "\".hosts").orElse("quarkus.redis.hosts");
        if (!redis.isResolvable()) {
            throw new ConfigurationException("The shared limits of the " + ClaudeRuntimeConfig.describe(clientName)
                    + " need a Redis client" + redisClientName.map(n -> " named " + n).orElse("")
                    + ", and the application has none: Quarkus creates a named Redis client only when the build asks "
                    + "for it, so set " + property + " in application.properties (not only where the application runs) "
                    + "and " + hosts + ", or correct " + property + ".");
        }
        try {
            return redis.get();
        } catch (RuntimeException inactive) {
            throw new ConfigurationException("The shared limits of the " + ClaudeRuntimeConfig.describe(clientName)
                    + " need the Redis client " + redisClientName.orElse("<default>") + ", which is not active: set "
                    + hosts + ".", inactive);
        }
    }
}
