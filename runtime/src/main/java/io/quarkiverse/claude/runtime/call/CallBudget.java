package io.quarkiverse.claude.runtime.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.errors.BulkheadFullException;
import io.quarkiverse.claude.errors.CircuitOpenException;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.runtime.config.ResilienceConfig.RetryClassConfig;
import io.quarkiverse.claude.runtime.config.ResilienceConfig;

/**
 * The retry budget of one call: how many retries each error class has used, the deadline, and the failures seen so
 * far. One instance per call, captured by the attempt that the guard runs once per try; the guard's predicate and
 * backoff read its decision from the {@link AttemptFailure} each failed attempt throws. So the counts are exact per
 * class, with SmallRye Fault Tolerance doing the loop, the waiting and the metrics.
 */
public final class CallBudget {

    private final ResilienceConfig config;
    private final ClaudeCalls.Limits limits;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final int[] used = new int[ErrorClass.values().length];
    private final List<Throwable> failures = new ArrayList<>();
    private final List<ClaudeCallEvent.Attempt> attempts = new ArrayList<>();
    private final java.time.Instant start = java.time.Instant.now();
    /** Stops the attempt in flight of a call that can be cancelled; null between attempts. */
    private Runnable inFlight;
    private boolean cancelled;

    private final AttemptCost cost;

    CallBudget(ResilienceConfig config, ClaudeCalls.Limits limits, AttemptCost cost) {
        this.config = config;
        this.limits = limits;
        this.cost = cost;
        this.deadlineNanos = startNanos + config.deadline().toNanos();
    }

    /** @return what each attempt takes from the rate limits */
    AttemptCost cost() {
        return cost;
    }

    /** @return the time left before the deadline; zero or negative once it has passed */
    Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    /**
     * Records the attempt in flight, so that cancelling the call can stop it.
     *
     * @param cancel what stops the attempt in flight; {@code null} once it has ended
     * @return {@code false} when the call is cancelled already: the attempt must stop at once
     */
    synchronized boolean attempting(Runnable cancel) {
        inFlight = cancel;
        return !cancelled;
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** The caller cancelled the call: the attempt in flight is stopped, and no other one follows. */
    void cancel() {
        Runnable stop;
        synchronized (this) {
            cancelled = true;
            stop = inFlight;
            inFlight = null;
        }
        if (stop != null) {
            stop.run();
        }
    }

    static CancellationException cancelled() {
        return new CancellationException("The call was cancelled by its caller");
    }

    /**
     * Records a failed attempt and decides: retry (and after how long) or stop.
     *
     * @param failure the attempt's failure, already translated to a typed exception where possible
     * @return the exception the attempt throws to the guard
     */
    synchronized AttemptFailure failed(Throwable failure) {
        if (cancelled) {
            return new AttemptFailure(this, failure, false, 0); // nobody waits for it: no retry, no WARN
        }
        AttemptFailure decision = decide(failure);
        attempts.add(new ClaudeCallEvent.Attempt(ClaudeCallEvent.outcomeOf(failure), statusOf(failure),
                Duration.ofMillis(decision.retry() ? decision.waitMillis() : 0)));
        ErrorLog.attemptFailed(limits.clientName(), attempts.size(), failure, decision.retry()
                ? "retrying in " + decision.waitMillis() + " ms"
                : decision.note() == null ? "not retried" : decision.note());
        return decision;
    }

    /**
     * Records the failure of a stream after its first event: the attempt failed, and is never retried (the caller has
     * seen part of the answer), so nothing is decided.
     *
     * @param failure the stream's failure, already typed
     */
    synchronized void streamFailed(Throwable failure) {
        attempts.add(new ClaudeCallEvent.Attempt(ClaudeCallEvent.outcomeOf(failure), statusOf(failure), Duration.ZERO));
        for (Throwable earlier : failures) {
            failure.addSuppressed(earlier); // the attempts before the stream began, as any call's failure carries them
        }
        ErrorLog.attemptFailed(limits.clientName(), 0, failure, "not retried: part of the answer had been streamed");
    }

    /** @return the status of the answer the attempt failed on (an unexpected one too), or 0 when none came */
    private static int statusOf(Throwable failure) {
        if (failure instanceof ClaudeApiException api) {
            return api.status();
        }
        return failure instanceof UnexpectedResponseException unexpected ? unexpected.status() : 0;
    }

    private AttemptFailure decide(Throwable failure) {
        failures.add(failure);
        ErrorClass errorClass = ErrorClass.of(failure);
        if (failure instanceof ClaudeException claude && claude.isRetryRefused()) {
            // the reason is in the failure's message already
            return new AttemptFailure(this, failure, false, 0, "not retried: the request cannot be sent again");
        }
        if (errorClass == null || !wanted(failure)) {
            return stop(failure, null);
        }
        RetryClassConfig settings = errorClass.settings(config);
        int retry = ++used[errorClass.ordinal()];
        if (retry > settings.maxRetries()) {
            return stop(failure, null);
        }
        Duration asked = serverWait(settings, failure);
        if (asked != null) {
            // never sooner than the server said: a wait it cannot take whole is not taken at all
            if (asked.compareTo(settings.maxRetryAfter()) > 0) {
                return stop(failure, "Not retried: the server asked to wait " + human(asked) + longerThanTheCap(
                        errorClass.property(limits.property()) + ".max-retry-after", settings.maxRetryAfter()));
            }
            if (asked.compareTo(remaining()) >= 0) {
                return stop(failure, "Not retried: the server asked to wait " + human(asked) + ", past the call's "
                        + "deadline (" + limits.property() + ".deadline, " + human(remaining()) + " left).");
            }
            return new AttemptFailure(this, failure, true, ceilMillis(asked));
        }
        long wait = backoffMillis(settings, retry);
        if (Duration.ofMillis(wait).compareTo(remaining()) >= 0) {
            return stop(failure, null); // the wait would cross the deadline: not taken
        }
        return new AttemptFailure(this, failure, true, wait);
    }

    /**
     * Why a wait the server asked for is not taken, the same for the call that got the answer and for the calls its
     * pause holds ({@link ClientPause}).
     */
    static String longerThanTheCap(String maxRetryAfterProperty, Duration maxRetryAfter) {
        return ", longer than " + maxRetryAfterProperty + " (" + human(maxRetryAfter)
                + "), and an earlier attempt would only be refused again; raise it to wait that long.";
    }

    /** No retry; {@code note}, when there is one, goes into the failure's message and the log line. */
    private AttemptFailure stop(Throwable failure, String note) {
        if (note != null && failure instanceof ClaudeException claude) {
            claude.withPolicyNote(note);
        }
        return new AttemptFailure(this, failure, false, 0, note);
    }

    /** The server's x-should-retry wins over the class default. */
    private static boolean wanted(Throwable failure) {
        if (failure instanceof ClaudeApiException api && api.shouldRetry().isPresent()) {
            return api.shouldRetry().get();
        }
        return failure instanceof ClaudeException claude && claude.isRetryable();
    }

    /** @return the server's {@code retry-after}, when it sent one and the class honours it, else {@code null} */
    static Duration serverWait(RetryClassConfig settings, Throwable failure) {
        if (settings.honorRetryAfter() && failure instanceof ClaudeApiException api) {
            return api.retryAfter().orElse(null);
        }
        return null;
    }

    /** Exponential backoff with jitter, for the {@code retry}-th retry of a class. */
    static long backoffMillis(RetryClassConfig settings, int retry) {
        long base = settings.delay().toMillis();
        long max = settings.maxDelay().toMillis();
        long exponential = (long) Math.min(max, base * Math.pow(2, retry - 1));
        double jitter = Math.max(0, Math.min(1, settings.jitter()));
        return exponential - (long) (exponential * jitter * ThreadLocalRandom.current().nextDouble());
    }

    /** Rounded up: a wait of 1.2 ms is 2 ms, never 1. */
    static long ceilMillis(Duration wait) {
        return (wait.toNanos() + 999_999) / 1_000_000;
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * @return what the caller gets: the last failure (our own type for the guard's rejections), with the earlier
     *         attempts' failures attached as suppressed exceptions
     */
    synchronized Throwable outcome(Throwable thrown) {
        // a stream takes its place inside its attempt, so its rejection comes wrapped in the attempt's failure
        Throwable failure = thrown instanceof AttemptFailure attempt ? attempt.failure() : thrown;
        Throwable result;
        if (failure instanceof CircuitBreakerOpenException open) {
            result = new CircuitOpenException(limits.clientName(), config.circuitBreaker().delay(),
                    limits.property() + ".circuit-breaker", open);
        } else if (failure instanceof BulkheadException full) {
            result = new BulkheadFullException(limits.clientName(), config.bulkhead().maxConcurrent(),
                    config.bulkhead().maxQueued(), limits.property() + ".bulkhead", full);
        } else {
            result = failure;
        }
        for (Throwable earlier : failures) {
            if (earlier != result && earlier != failure) {
                result.addSuppressed(earlier);
            }
        }
        return result;
    }


    /** @return the failed attempts so far, with their waits */
    public synchronized List<ClaudeCallEvent.Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public java.time.Instant start() {
        return start;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

}
