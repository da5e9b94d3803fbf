package io.quarkiverse.claude.runtime.observability;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig.ModelPriceConfig;

/**
 * Where the {@link ClaudeCallEvent}s of every client go: the application's observers, through CDI, priced with the
 * catalogue and the configured {@code quarkus.claude.prices}, and the spans of {@link ClaudeTracing} when the
 * application traces. One per application, built by the registry with its first client; each client gets a
 * {@link CallObserver} from it.
 * <p>
 * Not a bean, and built from the bean manager rather than injected: ArC sets up every bean class at every start, and
 * looks up by reflection the constructor of one that injects an {@code Event} (for the injection point's metadata,
 * which nothing here reads). The bean manager's event, selected to the type, reaches the same observers.
 */
public final class CallEvents {

    private final Event<ClaudeCallEvent> events;
    private final boolean synchronous;
    private final boolean asynchronous;
    private final CostEstimator costs;
    /** {@code null} unless the application has {@code quarkus-opentelemetry} (then {@link ClaudeTracing} is a bean). */
    private final CallTracer tracer;

    /** @param prices the configured {@code quarkus.claude.prices}, by model */
    public CallEvents(BeanManager beans, Map<String, ModelPriceConfig> prices) {
        this.events = beans.getEvent().select(ClaudeCallEvent.class);
        // ArC knows every observer at build time, so the answers never change while the application runs
        Set<ObserverMethod<? super ClaudeCallEvent>> observers = beans.resolveObserverMethods(new ClaudeCallEvent("",
                "", null, null, null, java.util.List.of(), null, null, null, null, null));
        this.synchronous = observers.stream().anyMatch(observer -> !observer.isAsync());
        this.asynchronous = observers.stream().anyMatch(ObserverMethod::isAsync);
        this.costs = new CostEstimator(prices);
        // ClaudeTracing when it is registered, looked up by an interface that names no OpenTelemetry type
        Instance<CallTracer> tracers = beans.createInstance().select(CallTracer.class);
        this.tracer = tracers.isResolvable() ? tracers.get() : null;
    }

    /** @return the observer of one client's calls */
    public CallObserver observerFor(String client) {
        return synchronous || asynchronous || tracer != null
                ? new CallObserver(client, events, costs, synchronous, asynchronous, tracer)
                : CallObserver.NONE;
    }
}
