package io.quarkiverse.claude.runtime.observability;

import java.util.Set;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Singleton;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;

/**
 * Where the {@link ClaudeCallEvent}s of every client go: the application's observers, through CDI, priced with the
 * catalogue and the configured {@code quarkus.claude.prices}, and the spans of {@link ClaudeTracing} when the
 * application traces. One per application; each client gets a {@link CallObserver} from it.
 */
@Singleton
public class CallEvents {

    private final Event<ClaudeCallEvent> events;
    private final boolean synchronous;
    private final boolean asynchronous;
    private final CostEstimator costs;
    /** {@code null} unless the application has {@code quarkus-opentelemetry} (then {@link ClaudeTracing} is a bean). */
    private final CallTracer tracer;

    /**
     * @param tracers {@link ClaudeTracing} when it is registered, looked up by an interface that names no OpenTelemetry
     *        type
     */
    public CallEvents(Event<ClaudeCallEvent> events, BeanManager beans, ClaudeRuntimeConfig config,
            Instance<CallTracer> tracers) {
        this.events = events;
        // ArC knows every observer at build time, so the answers never change while the application runs
        Set<ObserverMethod<? super ClaudeCallEvent>> observers = beans.resolveObserverMethods(new ClaudeCallEvent("",
                "", null, null, null, java.util.List.of(), null, null, null, null, null));
        this.synchronous = observers.stream().anyMatch(observer -> !observer.isAsync());
        this.asynchronous = observers.stream().anyMatch(ObserverMethod::isAsync);
        this.costs = new CostEstimator(config.prices());
        this.tracer = tracers.isResolvable() ? tracers.get() : null;
    }

    /** @return the observer of one client's calls */
    public CallObserver observerFor(String client) {
        return synchronous || asynchronous || tracer != null
                ? new CallObserver(client, events, costs, synchronous, asynchronous, tracer)
                : CallObserver.NONE;
    }
}
