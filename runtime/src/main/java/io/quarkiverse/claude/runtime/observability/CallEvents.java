package io.quarkiverse.claude.runtime.observability;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;

/**
 * Where the {@link ClaudeCallEvent}s of every client go: the application's observers, through CDI, priced with the
 * catalogue and the configured {@code quarkus.claude.prices}. One per application; each client gets a
 * {@link CallObserver} from it.
 */
@Singleton
public class CallEvents {

    private final Event<ClaudeCallEvent> events;
    private final boolean observed;
    private final CostEstimator costs;

    public CallEvents(Event<ClaudeCallEvent> events, BeanManager beans, ClaudeRuntimeConfig config) {
        this.events = events;
        // ArC knows every observer at build time, so the answer never changes while the application runs
        this.observed = !beans.resolveObserverMethods(new ClaudeCallEvent("", "", null, null, null, java.util.List.of(),
                null, null, null, null, null)).isEmpty();
        this.costs = new CostEstimator(config.prices());
    }

    /** @return the observer of one client's calls */
    public CallObserver observerFor(String client) {
        return observed ? new CallObserver(client, events, costs) : CallObserver.NONE;
    }
}
