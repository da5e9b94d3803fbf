package io.quarkiverse.claude.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Shared limits: one pause, one rate budget and one circuit for every replica, kept in Redis. */
@ConfigGroup
public interface SharedLimitsConfig {

    /**
     * Share this client's limits with every replica that uses the same `key-prefix`, through Redis: a 429's (or a
     * 529's) `retry-after` pauses every replica, the `anthropic-ratelimit-*` budget is taken from atomically by all
     * (with proactive throttling on), and a circuit opened by one replica's 529s rejects the calls of all of them. Needs
     * `io.quarkus:quarkus-redis-client` in the application: without it, the build fails when its configuration enables
     * this, and startup fails when only the running application's does. See the Several replicas page.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * The name of the Quarkus Redis client (`quarkus.redis."name".*`) that holds the shared state. Unset: the default
     * Redis client (`quarkus.redis.hosts`). Set it in `application.properties`: Quarkus creates the named Redis clients
     * that the build asks for, and the build asks for the ones named here.
     */
    @WithConverter(Trimmed.class)
    Optional<String> redisClientName();

    /**
     * The namespace of the Redis keys: replicas with the same prefix share their limits. Set it to the same value in
     * every replica of every application that uses one API key. Unset: the client's name and a non-reversible id of
     * its API key and base URL (12 hex digits of a salted SHA-256), so that replicas with the same key and URL share and
     * other environments on the same Redis never mix with them. The key itself never appears in Redis.
     */
    @WithConverter(Trimmed.class)
    Optional<String> keyPrefix();

    /**
     * The bound on every Redis call. A call to Redis that takes longer counts as an outage: the attempt goes on with
     * this replica's own limits, so that, once connected, Redis never delays a Claude call by more than this.
     */
    @WithDefault("100ms")
    Duration timeout();

    /**
     * How long the client's first exchange with Redis may take: it opens the connection and loads the script when the
     * client is created, and the first calls wait for it (at most this long) before their first admission. Without
     * it, a replica's first admissions would race its connection, time out and start an outage at every start.
     */
    @WithDefault("1s")
    Duration connectTimeout();

    /**
     * After a Redis failure, how long this client uses its own limits before it tries Redis again (not on every call
     * while Redis is down).
     */
    @WithDefault("5s")
    Duration retryInterval();
}
