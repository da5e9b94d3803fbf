package io.quarkiverse.claude.errors;

import java.time.Duration;

/**
 * The client's circuit breaker is open: too many recent attempts were answered 529 {@code overloaded_error}, so the
 * call failed at once without reaching the API. The circuit lets trial calls through after the client's
 * {@code resilience.circuit-breaker.delay}. Not retried by the client; earlier attempts of the call, if
 * any, are attached as suppressed exceptions.
 */
public class CircuitOpenException extends ClaudeException {

    private final String clientName;

    /** @param circuitBreakerProperty the prefix of the client's circuit breaker settings, which the message names */
    public CircuitOpenException(String clientName, Duration delay, String circuitBreakerProperty, Throwable cause) {
        super("The circuit breaker of the Claude client " + clientName + " is open after repeated 529 overloaded_error "
                + "answers: the call was not sent. Trial calls go through again " + delay
                + " after it opened; see " + circuitBreakerProperty + ".*.", cause);
        this.clientName = clientName;
    }

    /** @return the name of the client whose circuit is open */
    public String clientName() {
        return clientName;
    }

    /** Not retried at once: the point of an open circuit is to stop calling for a while. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
