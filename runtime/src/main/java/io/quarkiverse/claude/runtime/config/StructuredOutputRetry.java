package io.quarkiverse.claude.runtime.config;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Retries of a structured answer whose text is not JSON or breaks the schema (`StructuredOutputException` with reason
 * `not_json` or `schema_violation`). An answer cut by `max_tokens` or a refusal is never retried: it would repeat.
 */
@ConfigGroup
public interface StructuredOutputRetry extends ResilienceConfig.RetryClassConfig {

    /**
     * How many times a call is retried after a structured answer that is not JSON or breaks the schema. `0` (the
     * default) never retries: the API constrains the answer to the schema, so such an answer is rare and each retry
     * is paid in full; raise it when a malformed answer is worth another call. Each class has its own budget: retries
     * of other classes do not count against it.
     */
    @Override
    @WithDefault("0")
    int maxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. None by
     * default: the API is not overloaded, the answer was only malformed.
     */
    @Override
    @WithDefault("0s")
    Duration delay();

    /** The longest backoff wait of this class. */
    @Override
    @WithDefault("8s")
    Duration maxDelay();

    /** How much of each backoff wait is random, from `0` to `1`. */
    @Override
    @WithDefault("0")
    double jitter();
}
