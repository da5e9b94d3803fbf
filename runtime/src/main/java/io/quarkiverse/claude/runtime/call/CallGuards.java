package io.quarkiverse.claude.runtime.call;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.runtime.config.ResilienceConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The SmallRye Fault Tolerance guards of one client's calls: the retry loop, driven by each call's {@link CallBudget},
 * and the place each attempt runs in, the circuit breaker and the bulkhead. Two guards, not one, so that a wait before
 * an attempt (proactive throttling) holds no place in the bulkhead, and so that a stream can keep its place for its
 * whole life while only its start is retried.
 */
final class CallGuards {

    private final Guard retry;
    /** {@code null} when the client has neither a bulkhead nor a circuit breaker. */
    private final Guard place;
    /**
     * With {@code max-queued=0}, the attempts in flight in the place, or -1 when there is a queue. SmallRye's bulkhead
     * always queues at least one asynchronous call; with no queue wanted, an asynchronous attempt that finds
     * {@code max-concurrent} in flight is turned away before it would wait there.
     */
    private final AtomicInteger inFlight;
    private final int maxConcurrent;

    CallGuards(String clientName, ResilienceConfig config, Consumer<CircuitBreakerState> onStateChange) {
        this.retry = retry(clientName, config);
        this.place = place(clientName, config, onStateChange);
        boolean noQueue = config.bulkhead().enabled() && config.bulkhead().maxQueued() == 0;
        this.inFlight = noQueue ? new AtomicInteger() : null;
        this.maxConcurrent = config.bulkhead().maxConcurrent();
    }

    /** Runs a call's attempts: {@code attempt} throws an {@link AttemptFailure} that says whether to retry. */
    <T> T retrying(Supplier<T> attempt) {
        return retry.get(attempt, CallGuards.<T> anyType());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    <T> Uni<T> retryingAsync(Supplier<Uni<T>> attempt) {
        return (Uni<T>) retry.get((Supplier) attempt, (Class) Uni.class);
    }

    /** Runs one blocking attempt in the client's place. */
    <T> T inPlace(Supplier<T> attempt) {
        return place == null ? attempt.get() : place.get(attempt, CallGuards.<T> anyType());
    }

    /** Runs one asynchronous attempt (or a stream's whole life) in the client's place. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    <T> Uni<T> inPlaceAsync(Supplier<Uni<T>> attempt) {
        if (place == null) {
            return attempt.get();
        }
        if (inFlight == null) {
            return (Uni<T>) place.get((Supplier) attempt, (Class) Uni.class);
        }
        if (inFlight.get() >= maxConcurrent) {
            return Uni.createFrom().failure(new BulkheadException("max-queued=0: no place free and no queue"));
        }
        Supplier<Uni<T>> counted = () -> {
            inFlight.incrementAndGet();
            return attempt.get().onTermination().invoke(inFlight::decrementAndGet);
        };
        return (Uni<T>) place.get((Supplier) counted, (Class) Uni.class);
    }

    /** A generous retry: each call's budget decides, per class, through the {@link AttemptFailure} it throws. */
    private static Guard retry(String clientName, ResilienceConfig config) {
        int retries = 0;
        for (ErrorClass errorClass : ErrorClass.values()) {
            retries += Math.max(0, errorClass.settings(config).maxRetries());
        }
        return Guard.create().withDescription("quarkus-claude " + clientName)
                .withRetry()
                .maxRetries(retries)
                .delay(0, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                // the budget already refuses waits that would cross the deadline; this is only a safety net
                .maxDuration(Math.max(1, config.deadline().toMillis()), ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof AttemptFailure attempt && attempt.retry())
                .withCustomBackoff().strategy(PlannedWait::new).done()
                .done()
                .build();
    }

    private static Guard place(String clientName, ResilienceConfig config,
            Consumer<CircuitBreakerState> onStateChange) {
        if (!config.circuitBreaker().enabled() && !config.bulkhead().enabled()) {
            return null;
        }
        Guard.Builder builder = Guard.create().withDescription("quarkus-claude " + clientName + " attempts");
        if (config.circuitBreaker().enabled()) {
            builder.withCircuitBreaker()
                    .when(CallGuards::isOverloaded)
                    .requestVolumeThreshold(config.circuitBreaker().requestVolumeThreshold())
                    .failureRatio(config.circuitBreaker().failureRatio())
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(config.circuitBreaker().successThreshold())
                    .onStateChange(onStateChange)
                    .done();
        }
        if (config.bulkhead().enabled()) {
            builder.withBulkhead()
                    .limit(config.bulkhead().maxConcurrent())
                    .queueSize(Math.max(1, config.bulkhead().maxQueued())) // 0 is handled in inPlaceAsync
                    .done();
        }
        return builder.build();
    }

    /** A 529, whether an attempt's (judged by its budget) or a stream's (before or after its first event). */
    private static boolean isOverloaded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OverloadedException) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> anyType() {
        return (Class<T>) Object.class;
    }

    /**
     * The backoff of one call (SmallRye creates one per call): the wait the call's budget planned for the failure,
     * which it only plans when it ends before the deadline.
     */
    static final class PlannedWait implements CustomBackoffStrategy {
        @Override
        public long nextDelayInMillis(Throwable failure) {
            if (failure instanceof AttemptFailure attempt) {
                // exactly the planned wait: a wait the server asked for must not be cut, not even by the microseconds
                // since it was planned
                return Math.max(0, attempt.waitMillis());
            }
            return 0;
        }
    }
}
