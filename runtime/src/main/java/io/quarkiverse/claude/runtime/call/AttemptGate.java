package io.quarkiverse.claude.runtime.call;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Asked before each attempt of a client: may it go now, else how long should it wait. {@link ProactiveThrottle} is the
 * local gate; {@code io.quarkiverse.claude.runtime.shared} has the one shared by replicas through Redis. An attempt
 * the gate admitted is told to it once it ends.
 */
public interface AttemptGate {

    /**
     * On a worker thread (it may wait for the gate, briefly).
     *
     * @param call the call the attempt belongs to (one attempt of a call at a time)
     * @return how long the attempt should wait before it asks again; zero when it may go now (it is then counted)
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException when a circuit shared with
     *         other replicas is open
     */
    Duration beforeAttempt(Object call, AttemptCost cost);

    /** Whether the gate asks something remote: then {@link #beforeAttemptAsync} is used off worker threads. */
    default boolean remote() {
        return false;
    }

    /** {@link #beforeAttempt}, without blocking the caller's thread. */
    default Uni<Duration> beforeAttemptAsync(Object call, AttemptCost cost) {
        return Uni.createFrom().item(() -> beforeAttempt(call, cost));
    }

    /**
     * An attempt was admitted by a gate shared with other replicas, which this one stands in for when that gate cannot
     * answer: it takes its cost as if it had admitted it, so that it knows what is in flight should it have to decide.
     * {@link #ended} follows as for an attempt it admitted.
     */
    default void admittedElsewhere(Object call, AttemptCost cost) {
    }

    /**
     * An attempt the gate admitted has ended.
     *
     * @param failure what it failed with, or {@code null} when it was answered
     */
    void ended(Object call, AttemptCost cost, Throwable failure);

    /**
     * The API asked to wait: a 429's {@code retry-after}, or a 529's ({@link ClientPause#overloaded()}). An attempt the
     * pause would hold longer than its class's {@code max-retry-after} is refused ({@link ClientPause#waitOrRefuse()}).
     */
    void pauseAsked(ClientPause pause);

    /** The client's own circuit breaker has opened; it lets trials through after {@code delay}. */
    default void circuitOpened(Duration delay) {
    }

    /** @return what the gate shares and how, for the readiness check; {@code null} for a local gate */
    default String status() {
        return null;
    }
}
