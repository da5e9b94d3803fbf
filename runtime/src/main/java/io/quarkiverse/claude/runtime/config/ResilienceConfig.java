package io.quarkiverse.claude.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How a client copes with failures: the retries of each error class, the overall deadline, the per-attempt timeout,
 * the bulkhead and the circuit breaker.
 */
@ConfigGroup
public interface ResilienceConfig {

    // The six retry classes are mapped flat, each setting under its class's name ("rate-limit.max-retries"), rather
    // than as six group interfaces that differ only in their defaults: the same properties, defaults and documentation,
    // and 14 classes fewer to load and map at startup (see bench/README.md, "Startup, issue 19 part 2"). The accessors
    // below (rateLimit(), overloaded(), ...) give each class's settings as one RetryClassConfig, as before.
    /**
     * How many times a call is retried after 429 `rate_limit_error` (not the spend-cap 429, which is never retried). `0` never retries this class. Each class has its own
     * budget: retries of other classes do not count against it.
     */
    @WithName("rate-limit.max-retries")
    @WithDefault("4")
    int rateLimitMaxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. Used
     * when the server sends no `retry-after` (or `honor-retry-after` is off).
     */
    @WithName("rate-limit.delay")
    @WithDefault("1s")
    Duration rateLimitDelay();

    /** The longest backoff wait of this class. */
    @WithName("rate-limit.max-delay")
    @WithDefault("30s")
    Duration rateLimitMaxDelay();

    /**
     * How much of each backoff wait is random, from `0` (the exact exponential wait) to `1` ("full jitter": a
     * uniform pick between 0 and the exponential wait). It spreads the retries of many callers apart.
     */
    @WithName("rate-limit.jitter")
    @WithDefault("0.25")
    double rateLimitJitter();

    /**
     * Wait what the server's `retry-after-ms` or `retry-after` header says, when it sends one, instead of the
     * backoff. With `false`, the class's plain backoff applies, even when it is shorter than what the server asked, and
     * a 429 holds none of the client's other calls.
     */
    @WithName("rate-limit.honor-retry-after")
    @WithDefault("true")
    boolean rateLimitHonorRetryAfter();

    /**
     * The longest `retry-after` the client waits out. An attempt is never sent before the server's `retry-after` has
     * passed: a longer one (or one that would end past the call's `deadline`) is not shortened, the call fails at once
     * with the class's exception, its `retryAfter()` set and its message naming this property. The client's other
     * calls, which a 429's `retry-after` holds too (proactive throttling, shared limits), are not held longer than this
     * either: they fail at once the same way, unsent. Five minutes, because the API's token buckets can take minutes to
     * refill on low tiers (a `retry-after` of about 170 s for input tokens is common), while a call still fits in the
     * default ten-minute `deadline`. (The official SDK obeys any `retry-after`, however long.)
     */
    @WithName("rate-limit.max-retry-after")
    @WithDefault("5m")
    Duration rateLimitMaxRetryAfter();

    /**
     * How many times a call is retried after 529 `overloaded_error`. `0` never retries this class. Each class has its own
     * budget: retries of other classes do not count against it.
     */
    @WithName("overloaded.max-retries")
    @WithDefault("3")
    int overloadedMaxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. Used
     * when the server sends no `retry-after` (or `honor-retry-after` is off).
     */
    @WithName("overloaded.delay")
    @WithDefault("2s")
    Duration overloadedDelay();

    /** The longest backoff wait of this class. */
    @WithName("overloaded.max-delay")
    @WithDefault("30s")
    Duration overloadedMaxDelay();

    /**
     * How much of each backoff wait is random, from `0` (the exact exponential wait) to `1` ("full jitter": a
     * uniform pick between 0 and the exponential wait). It spreads the retries of many callers apart.
     */
    @WithName("overloaded.jitter")
    @WithDefault("1.0")
    double overloadedJitter();

    /**
     * Wait what the server's `retry-after-ms` or `retry-after` header says, when it sends one, instead of the
     * backoff. With `false`, the class's plain backoff applies, even when it is shorter than what the server asked, and
     * a 529 holds none of the client's other calls (with shared limits).
     */
    @WithName("overloaded.honor-retry-after")
    @WithDefault("true")
    boolean overloadedHonorRetryAfter();

    /**
     * The longest `retry-after` the client waits out. An attempt is never sent before the server's `retry-after` has
     * passed: a longer one (or one that would end past the call's `deadline`) is not shortened, the call fails at once
     * with the class's exception, its `retryAfter()` set and its message naming this property. The client's other
     * calls, which a 529's `retry-after` holds too when limits are shared with other replicas, are not held longer than
     * this either: they fail at once the same way, unsent. Five minutes, because the API's token buckets can take
     * minutes to refill on low tiers (a `retry-after` of about 170 s for input tokens is common), while a call still
     * fits in the default ten-minute `deadline`. (The official SDK obeys any `retry-after`, however long.)
     */
    @WithName("overloaded.max-retry-after")
    @WithDefault("5m")
    Duration overloadedMaxRetryAfter();

    /**
     * How many times a call is retried after 500 `api_error`, and any other 5xx or 408 answer (for example a proxy's 502 or 503). `0` never retries this class. Each class has its own
     * budget: retries of other classes do not count against it.
     */
    @WithName("server-error.max-retries")
    @WithDefault("2")
    int serverErrorMaxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. Used
     * when the server sends no `retry-after` (or `honor-retry-after` is off).
     */
    @WithName("server-error.delay")
    @WithDefault("500ms")
    Duration serverErrorDelay();

    /** The longest backoff wait of this class. */
    @WithName("server-error.max-delay")
    @WithDefault("8s")
    Duration serverErrorMaxDelay();

    /**
     * How much of each backoff wait is random, from `0` (the exact exponential wait) to `1` ("full jitter": a
     * uniform pick between 0 and the exponential wait). It spreads the retries of many callers apart.
     */
    @WithName("server-error.jitter")
    @WithDefault("0.25")
    double serverErrorJitter();

    /**
     * Wait what the server's `retry-after-ms` or `retry-after` header says, when it sends one, instead of the
     * backoff. With `false`, the class's plain backoff applies, even when it is shorter than what the server asked.
     */
    @WithName("server-error.honor-retry-after")
    @WithDefault("true")
    boolean serverErrorHonorRetryAfter();

    /**
     * The longest `retry-after` the client waits out. An attempt is never sent before the server's `retry-after`
     * has passed: a longer one (or one that would end past the call's `deadline`) is not shortened, the call fails
     * at once with the class's exception, its `retryAfter()` set and its message naming this property. Five
     * minutes, because the API's token buckets can take minutes to refill on low tiers (a `retry-after` of about
     * 170 s for input tokens is common), while a call still fits in the default ten-minute `deadline`. (The
     * official SDK obeys any `retry-after`, however long.)
     */
    @WithName("server-error.max-retry-after")
    @WithDefault("5m")
    Duration serverErrorMaxRetryAfter();

    /**
     * How many times a call is retried after 504 `timeout_error`, and no answer within the per-attempt timeout or `read-timeout`. `0` never retries this class. Each class has its own
     * budget: retries of other classes do not count against it.
     */
    @WithName("timeout.max-retries")
    @WithDefault("2")
    int timeoutMaxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. Used
     * when the server sends no `retry-after` (or `honor-retry-after` is off).
     */
    @WithName("timeout.delay")
    @WithDefault("500ms")
    Duration timeoutDelay();

    /** The longest backoff wait of this class. */
    @WithName("timeout.max-delay")
    @WithDefault("8s")
    Duration timeoutMaxDelay();

    /**
     * How much of each backoff wait is random, from `0` (the exact exponential wait) to `1` ("full jitter": a
     * uniform pick between 0 and the exponential wait). It spreads the retries of many callers apart.
     */
    @WithName("timeout.jitter")
    @WithDefault("0.25")
    double timeoutJitter();

    /**
     * Wait what the server's `retry-after-ms` or `retry-after` header says, when it sends one, instead of the
     * backoff. With `false`, the class's plain backoff applies, even when it is shorter than what the server asked.
     */
    @WithName("timeout.honor-retry-after")
    @WithDefault("true")
    boolean timeoutHonorRetryAfter();

    /**
     * The longest `retry-after` the client waits out. An attempt is never sent before the server's `retry-after`
     * has passed: a longer one (or one that would end past the call's `deadline`) is not shortened, the call fails
     * at once with the class's exception, its `retryAfter()` set and its message naming this property. Five
     * minutes, because the API's token buckets can take minutes to refill on low tiers (a `retry-after` of about
     * 170 s for input tokens is common), while a call still fits in the default ten-minute `deadline`. (The
     * official SDK obeys any `retry-after`, however long.)
     */
    @WithName("timeout.max-retry-after")
    @WithDefault("5m")
    Duration timeoutMaxRetryAfter();

    /**
     * How many times a call is retried after connection refused, reset or closed before an answer, DNS and TLS failures. `0` never retries this class. Each class has its own
     * budget: retries of other classes do not count against it.
     */
    @WithName("connection.max-retries")
    @WithDefault("2")
    int connectionMaxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. Used
     * when the server sends no `retry-after` (or `honor-retry-after` is off).
     */
    @WithName("connection.delay")
    @WithDefault("500ms")
    Duration connectionDelay();

    /** The longest backoff wait of this class. */
    @WithName("connection.max-delay")
    @WithDefault("8s")
    Duration connectionMaxDelay();

    /**
     * How much of each backoff wait is random, from `0` (the exact exponential wait) to `1` ("full jitter": a
     * uniform pick between 0 and the exponential wait). It spreads the retries of many callers apart.
     */
    @WithName("connection.jitter")
    @WithDefault("0.25")
    double connectionJitter();

    /**
     * Wait what the server's `retry-after-ms` or `retry-after` header says, when it sends one, instead of the
     * backoff. With `false`, the class's plain backoff applies, even when it is shorter than what the server asked.
     */
    @WithName("connection.honor-retry-after")
    @WithDefault("true")
    boolean connectionHonorRetryAfter();

    /**
     * The longest `retry-after` the client waits out. An attempt is never sent before the server's `retry-after`
     * has passed: a longer one (or one that would end past the call's `deadline`) is not shortened, the call fails
     * at once with the class's exception, its `retryAfter()` set and its message naming this property. Five
     * minutes, because the API's token buckets can take minutes to refill on low tiers (a `retry-after` of about
     * 170 s for input tokens is common), while a call still fits in the default ten-minute `deadline`. (The
     * official SDK obeys any `retry-after`, however long.)
     */
    @WithName("connection.max-retry-after")
    @WithDefault("5m")
    Duration connectionMaxRetryAfter();

    /**
     * How many times a call is retried after 409 `conflict_error`. `0` never retries this class. Each class has its own
     * budget: retries of other classes do not count against it.
     */
    @WithName("conflict.max-retries")
    @WithDefault("2")
    int conflictMaxRetries();

    /**
     * The first backoff wait of this class; each further retry of the class doubles it, up to `max-delay`. Used
     * when the server sends no `retry-after` (or `honor-retry-after` is off).
     */
    @WithName("conflict.delay")
    @WithDefault("500ms")
    Duration conflictDelay();

    /** The longest backoff wait of this class. */
    @WithName("conflict.max-delay")
    @WithDefault("8s")
    Duration conflictMaxDelay();

    /**
     * How much of each backoff wait is random, from `0` (the exact exponential wait) to `1` ("full jitter": a
     * uniform pick between 0 and the exponential wait). It spreads the retries of many callers apart.
     */
    @WithName("conflict.jitter")
    @WithDefault("0.25")
    double conflictJitter();

    /**
     * Wait what the server's `retry-after-ms` or `retry-after` header says, when it sends one, instead of the
     * backoff. With `false`, the class's plain backoff applies, even when it is shorter than what the server asked.
     */
    @WithName("conflict.honor-retry-after")
    @WithDefault("true")
    boolean conflictHonorRetryAfter();

    /**
     * The longest `retry-after` the client waits out. An attempt is never sent before the server's `retry-after`
     * has passed: a longer one (or one that would end past the call's `deadline`) is not shortened, the call fails
     * at once with the class's exception, its `retryAfter()` set and its message naming this property. Five
     * minutes, because the API's token buckets can take minutes to refill on low tiers (a `retry-after` of about
     * 170 s for input tokens is common), while a call still fits in the default ten-minute `deadline`. (The
     * official SDK obeys any `retry-after`, however long.)
     */
    @WithName("conflict.max-retry-after")
    @WithDefault("5m")
    Duration conflictMaxRetryAfter();

    /**
     * How many times a call is retried after a structured answer that is not JSON or breaks the schema
     * (`StructuredOutputException` with reason `not_json` or `schema_violation`). `0` (the default) never retries: the
     * API constrains the answer to the schema, so such an answer is rare and each retry is paid in full; raise it when
     * a malformed answer is worth another call. An answer cut by `max_tokens` or a refusal is never retried: it would
     * repeat. Each class has its own budget: retries of other classes do not count against it.
     */
    @WithName("structured-output.max-retries")
    @WithDefault("0")
    int structuredOutputMaxRetries();

    /**
     * The first backoff wait after a malformed structured answer; each further retry doubles it, up to `max-delay`.
     * None by default: the API is not overloaded, the answer was only malformed.
     */
    @WithName("structured-output.delay")
    @WithDefault("0s")
    Duration structuredOutputDelay();

    /** The longest backoff wait after a malformed structured answer. */
    @WithName("structured-output.max-delay")
    @WithDefault("8s")
    Duration structuredOutputMaxDelay();

    /** How much of each backoff wait after a malformed structured answer is random, from `0` to `1`. */
    @WithName("structured-output.jitter")
    @WithDefault("0")
    double structuredOutputJitter();

    /**
     * Retries of 429 `rate_limit_error`. The wait is what the server's `retry-after-ms` / `retry-after` says (capped at
     * `max-retry-after`), else an exponential backoff. The spend-cap 429 (`enforced_spend_limit_reached`) is never
     * retried.
     */
    default RetryClassConfig rateLimit() {
        return new RetrySettings(rateLimitMaxRetries(), rateLimitDelay(), rateLimitMaxDelay(), rateLimitJitter(),
                rateLimitHonorRetryAfter(), rateLimitMaxRetryAfter());
    }

    /** Retries of 529 `overloaded_error`: exponential backoff with full jitter by default. */
    default RetryClassConfig overloaded() {
        return new RetrySettings(overloadedMaxRetries(), overloadedDelay(), overloadedMaxDelay(), overloadedJitter(),
                overloadedHonorRetryAfter(), overloadedMaxRetryAfter());
    }

    /** Retries of 500 `api_error` and of other 5xx and 408 answers. */
    default RetryClassConfig serverError() {
        return new RetrySettings(serverErrorMaxRetries(), serverErrorDelay(), serverErrorMaxDelay(), serverErrorJitter(),
                serverErrorHonorRetryAfter(), serverErrorMaxRetryAfter());
    }

    /** Retries of 504 `timeout_error` and of attempts that got no answer in time. */
    default RetryClassConfig timeoutRetry() {
        return new RetrySettings(timeoutMaxRetries(), timeoutDelay(), timeoutMaxDelay(), timeoutJitter(),
                timeoutHonorRetryAfter(), timeoutMaxRetryAfter());
    }

    /** Retries of connection failures: refused, reset, DNS, TLS. */
    default RetryClassConfig connection() {
        return new RetrySettings(connectionMaxRetries(), connectionDelay(), connectionMaxDelay(), connectionJitter(),
                connectionHonorRetryAfter(), connectionMaxRetryAfter());
    }

    /** Retries of 409 `conflict_error`. */
    default RetryClassConfig conflict() {
        return new RetrySettings(conflictMaxRetries(), conflictDelay(), conflictMaxDelay(), conflictJitter(),
                conflictHonorRetryAfter(), conflictMaxRetryAfter());
    }

    /**
     * Retries of a structured answer that is not JSON or breaks the schema (none by default); the server names no wait
     * for it, so there is no {@code retry-after} to honour.
     */
    default RetryClassConfig structuredOutput() {
        return new RetrySettings(structuredOutputMaxRetries(), structuredOutputDelay(), structuredOutputMaxDelay(),
                structuredOutputJitter(), false, Duration.ZERO);
    }

    /**
     * The overall deadline of one call: every attempt and every wait between attempts. A wait that would end past
     * the deadline is not taken: the call fails at once with the last error, the earlier ones attached as suppressed
     * exceptions. An attempt of a Messages call still running at the deadline is cut short.
     */
    @WithDefault("10m")
    Duration deadline();

    /**
     * The timeout of each attempt of a call that is not a stream (streams have `stream-idle-timeout`), from the request
     * until the last byte of the answer, so a body that drips in slowly is cut too. When unset, a Messages call follows
     * the request's `max_tokens` the way the official SDKs intend for non-streaming calls: 30 seconds per 1,000
     * `max_tokens`, at least 30 seconds and at most 10 minutes; other calls (token counting, models, batches) get 30
     * seconds. `read-timeout` applies as well; the shorter one wins.
     */
    Optional<Duration> attemptTimeout();

    /**
     * The longest a streamed answer may send nothing at all, before its first event or between two events. A stream
     * silent for longer has stalled: it fails with a `ClientTimeoutException` and its connection is closed (before the
     * first event, the attempt is retried like any timeout; after it, never). `read-timeout` does not cover a stream
     * once it has begun. Five minutes, because a healthy stream is never silent that long: while the model thinks, the API
     * keeps the stream alive with `ping` events (most proxies and load balancers drop a connection idle for a minute
     * or two, so a stream could not survive long silences anyway), and extended thinking streams `thinking_delta`s.
     * A stalled stream still ends in half the time of the ten-minute `read-timeout`, which does not cover a stream.
     */
    @WithDefault("5m")
    Duration streamIdleTimeout();

    /**
     * Proactive throttling: pacing attempts to the `anthropic-ratelimit-*` headers of the API's answers, and holding
     * them after a 429. (The `rate-limit` group is the retries of 429s that happen anyway.)
     */
    ThrottlingConfig throttling();

    /** Limits the calls of the client in flight at once. */
    BulkheadConfig bulkhead();

    /** Stops calling an overloaded API for a while. */
    CircuitBreakerConfig circuitBreaker();

    /** The settings of one error class. */
    interface RetryClassConfig {

        /** How many times a call is retried after an error of this class. */
        int maxRetries();

        /** The first backoff wait, doubled at each further retry of the class. */
        Duration delay();

        /** The longest backoff wait. */
        Duration maxDelay();

        /** How much of each backoff wait is random, from 0 to 1. */
        double jitter();

        /** Whether the server's {@code retry-after} is waited instead of the backoff. */
        boolean honorRetryAfter();

        /** The longest {@code retry-after} the client waits out. */
        Duration maxRetryAfter();
    }

    /** One class's settings, as read from the flat properties above. */
    record RetrySettings(int maxRetries, Duration delay, Duration maxDelay, double jitter, boolean honorRetryAfter,
            Duration maxRetryAfter) implements RetryClassConfig {
    }

    /** Proactive throttling. */
    @ConfigGroup
    interface ThrottlingConfig {

        /**
         * Proactive throttling. Before each attempt, the client checks that it fits in what the latest answer's
         * `anthropic-ratelimit-*` headers said was left: one request, its input tokens (estimated from its text, without
         * a network call) and its `max_tokens` of output. One that does not fit waits for the limit's reset, instead of
         * earning a 429; at the reset no more go than the limit admits, the rest are paced. A 429's `retry-after` holds
         * every call of the client until then. The wait is bounded by the call's deadline: when the attempt would fit
         * only past it, the call fails at once with a `ClientTimeoutException`. The headers describe the whole
         * organisation, so replicas sharing it see each other's use only through them: see the Observability page.
         * <p>
         * On by default: a client that only obeys each 429's `retry-after` (whole seconds) sends its waiting callers
         * back together and earns the next 429s; with throttling on, a storm of 200 calls on 8 threads against a
         * limiter of 10 requests a second earned no 429 instead of about 200 (see the bench README). Turn it off when
         * something else paces the calls (a gateway, a shared limiter) and the client should only obey the 429s.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** The bulkhead of a client. */
    @ConfigGroup
    interface BulkheadConfig {

        /**
         * Whether calls are limited at all. When off, `max-concurrent` and `max-queued` are ignored.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How many attempts may be in flight at once. A blocking call beyond this fails at once with a
         * `BulkheadFullException`.
         */
        @WithDefault("64")
        int maxConcurrent();

        /**
         * How many asynchronous (`Uni`) calls may wait for a free place once `max-concurrent` are in flight. Beyond
         * that, they fail at once with a `BulkheadFullException`. `0`: no queue, an asynchronous call beyond
         * `max-concurrent` fails at once too. Blocking calls never wait.
         */
        @WithDefault("256")
        int maxQueued();
    }

    /** The circuit breaker of a client: it counts 529 `overloaded_error` answers only. */
    @ConfigGroup
    interface CircuitBreakerConfig {

        /** Whether the circuit breaker is on. */
        @WithDefault("true")
        boolean enabled();

        /** How many recent attempts the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /**
         * The share of those attempts answered 529 `overloaded_error` that opens the circuit. While it is open, calls
         * fail at once with a `CircuitOpenException` and never reach the API.
         */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before trial calls are let through (half-open). */
        @WithDefault("30s")
        Duration delay();

        /** How many trial calls in a row must succeed to close the circuit again. */
        @WithDefault("1")
        int successThreshold();
    }
}
