package io.quarkiverse.claude.runtime;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * Tells the application what each call of one client did, as a {@link ClaudeCallEvent}. An observer that throws is
 * logged, never allowed to fail the call it observes.
 */
final class CallObserver {

    private static final Logger LOG = Logger.getLogger(CallObserver.class);

    private final String client;
    private final CostEstimator costs;
    private volatile Event<ClaudeCallEvent> events;
    private volatile Boolean observed;

    CallObserver(String client) {
        this.client = client;
        this.costs = new CostEstimator();
    }

    /** @param info what the call was and what its answer said; {@code null} for calls that are not observed */
    void completed(CallInfo info, CallBudget budget, Throwable failure) {
        if (info == null || !isObserved()) {
            return; // nobody listens: skip building the event and pricing the call
        }
        String pricedModel = info.responseModel() != null ? info.responseModel() : info.model;
        Double cost = info.batch ? batchCost(info) : costs.estimate(pricedModel, info.usage(), info.batch);
        ClaudeCallEvent event = new ClaudeCallEvent(client, info.operation, info.model, budget.start(),
                budget.elapsed(), budget.attempts(), failure, info.usage(), info.responseModel(), info.messageId(),
                cost);
        try {
            Event<ClaudeCallEvent> target = events();
            if (target != null) {
                target.fire(event);
            }
        } catch (RuntimeException observerFailure) {
            LOG.warnf(observerFailure, "An observer of ClaudeCallEvent failed; the call itself is unaffected");
        }
    }

    /** Each answer of a batch at its own model's batch price; {@code null} when none could be priced. */
    private Double batchCost(CallInfo info) {
        Double total = null;
        for (io.quarkiverse.claude.model.Message answer : info.batchAnswers()) {
            Double cost = costs.estimate(answer.model(), answer.usage(), true);
            if (cost != null) {
                total = (total == null ? 0 : total) + cost;
            }
        }
        return total;
    }

    /** ArC knows every observer at build time, so the answer never changes while the application runs. */
    private boolean isObserved() {
        if (observed == null) {
            ArcContainer container = Arc.container();
            observed = container != null && !container.beanManager().resolveObserverMethods(
                    new ClaudeCallEvent(client, "", null, null, null, java.util.List.of(), null, null, null, null, null))
                    .isEmpty();
        }
        return observed;
    }

    private Event<ClaudeCallEvent> events() {
        if (events == null) {
            ArcContainer container = Arc.container();
            if (container == null) {
                return null; // outside a running application
            }
            events = container.select(new TypeLiteral<Event<ClaudeCallEvent>>() {
            }).get();
        }
        return events;
    }
}
