package io.quarkiverse.claude.runtime.call;

import io.quarkiverse.claude.runtime.config.ResilienceConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks a client's resilience settings, so that a bad value fails startup with the property to fix, before SmallRye's
 * own checks would fail with less context. Apart from {@link ClaudeCalls} because the startup check of every injected
 * client runs it: it loads nothing of the call path, and builds a property's name only for the message of a failure.
 */
public final class ResilienceSettingsCheck {

    private ResilienceSettingsCheck() {
    }

    /**
     * @param property the client's resilience prefix, e.g. {@code quarkus.claude.resilience}
     * @throws ConfigurationException naming the first setting out of range
     */
    public static void validate(String property, ResilienceConfig config) {
        for (ErrorClass errorClass : ErrorClass.values()) {
            ResilienceConfig.RetryClassConfig settings = errorClass.settings(config);
            if (settings.maxRetries() < 0) {
                fail(errorClass.property(property), ".max-retries", "must be 0 or more", settings.maxRetries());
            }
            if (!(settings.jitter() >= 0 && settings.jitter() <= 1)) {
                fail(errorClass.property(property), ".jitter", "must be between 0 and 1", settings.jitter());
            }
            if (settings.delay().isNegative()) {
                fail(errorClass.property(property), ".delay", "must not be negative", settings.delay());
            }
            if (settings.maxDelay().compareTo(settings.delay()) < 0) {
                String prefix = errorClass.property(property);
                fail(prefix, ".max-delay", "must not be shorter than " + prefix + ".delay", settings.maxDelay());
            }
        }
        if (config.deadline().toMillis() <= 0) {
            fail(property, ".deadline", "must be positive", config.deadline());
        }
        if (config.attemptTimeout().isPresent() && config.attemptTimeout().get().toMillis() <= 0) {
            fail(property, ".attempt-timeout", "must be positive", config.attemptTimeout().get());
        }
        ResilienceConfig.BulkheadConfig bulkhead = config.bulkhead();
        if (bulkhead.maxConcurrent() < 1) {
            fail(property, ".bulkhead.max-concurrent", "must be 1 or more", bulkhead.maxConcurrent());
        }
        if (bulkhead.maxQueued() < 0) {
            fail(property, ".bulkhead.max-queued", "must be 0 (no queue) or more", bulkhead.maxQueued());
        }
        ResilienceConfig.CircuitBreakerConfig breaker = config.circuitBreaker();
        if (breaker.requestVolumeThreshold() < 1) {
            fail(property, ".circuit-breaker.request-volume-threshold", "must be 1 or more",
                    breaker.requestVolumeThreshold());
        }
        if (!(breaker.failureRatio() > 0 && breaker.failureRatio() <= 1)) {
            fail(property, ".circuit-breaker.failure-ratio", "must be above 0 and at most 1", breaker.failureRatio());
        }
        if (breaker.successThreshold() < 1) {
            fail(property, ".circuit-breaker.success-threshold", "must be 1 or more", breaker.successThreshold());
        }
        if (breaker.delay().isNegative()) {
            fail(property, ".circuit-breaker.delay", "must not be negative", breaker.delay());
        }
    }

    private static void fail(String prefix, String setting, String rule, Object value) {
        throw new ConfigurationException(prefix + setting + "=" + value + " " + rule);
    }
}
