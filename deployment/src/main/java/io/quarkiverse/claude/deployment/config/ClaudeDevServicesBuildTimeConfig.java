package io.quarkiverse.claude.deployment.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Dev Services for Claude: in dev and test mode, when neither `quarkus.claude.api-key` (nor `ANTHROPIC_API_KEY`) nor
 * `quarkus.claude.base-url` is set, the bundled Claude simulator is started and the default client pointed at it.
 */
@ConfigMapping(prefix = "quarkus.claude.devservices")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ClaudeDevServicesBuildTimeConfig {

    /**
     * Whether to start the simulator when no key and no base URL are configured. Never in production.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The faults the simulator plays, to rehearse resilience locally: `normal` (none), `rate-limited` (about 30 % of
     * calls get a 429 with `retry-after: 1`), `overloaded` (bursts of 529), `flaky` (a mix of 500, 429, 529 and dropped
     * connections) or `slow` (answers take 1 to 3 s). The finer settings below, when any is set, replace the
     * scenario's faults.
     */
    @WithDefault("normal")
    String scenario();

    /**
     * The share of calls, from 0 to 1, answered with an error of the given HTTP status, for example
     * `quarkus.claude.devservices.fault-rate."429"=0.2`.
     */
    @ConfigDocMapKey("status")
    Map<String, Double> faultRate();

    /**
     * The share of calls, from 0 to 1, whose connection is dropped without an answer.
     */
    Optional<Double> dropRate();

    /**
     * The `retry-after` the simulator's 429s carry.
     */
    Optional<Duration> retryAfter();

    /**
     * How long each answer takes.
     */
    Optional<Duration> latency();
}
