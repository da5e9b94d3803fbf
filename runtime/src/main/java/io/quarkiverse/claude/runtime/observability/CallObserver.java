package io.quarkiverse.claude.runtime.observability;

import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.runtime.call.CallBudget;

/**
 * Tells the application what each call of one client did, as a {@link ClaudeCallEvent}: to its {@code @Observes}
 * observers at once, on the thread that ended the call, and to its {@code @ObservesAsync} observers on a worker thread;
 * and traces each call with a {@link CallSpan} when the application traces. An observer that throws is logged, never
 * allowed to fail the call it observes.
 */
public final class CallObserver {

    private static final Logger LOG = Logger.getLogger(CallObserver.class);

    /** Observes nothing: for calls nobody listens to, and for the policies of {@code @ClaudeResilience} methods. */
    public static final CallObserver NONE = new CallObserver(null, null, null, false, false, null);

    private final String client;
    /** {@code null} when the application has no observer of {@link ClaudeCallEvent}. */
    private final Event<ClaudeCallEvent> events;
    private final CostEstimator costs;
    private final boolean synchronous;
    private final boolean asynchronous;
    /** {@code null} when the application does not trace. */
    private final CallTracer tracer;

    /**
     * @param synchronous whether the application has {@code @Observes} observers of the event
     * @param asynchronous whether it has {@code @ObservesAsync} observers, which only {@link Event#fireAsync} reaches
     */
    CallObserver(String client, Event<ClaudeCallEvent> events, CostEstimator costs, boolean synchronous,
            boolean asynchronous, CallTracer tracer) {
        this.client = client;
        this.events = events;
        this.costs = costs;
        this.synchronous = synchronous;
        this.asynchronous = asynchronous;
        this.tracer = tracer;
    }

    /**
     * A call starts.
     *
     * @param info what the call is; {@code null} for calls that are not observed
     * @return the call's span, to hand back to {@link #completed}; {@link CallSpan#NONE} when the call is not traced
     */
    public CallSpan started(CallInfo info) {
        if (info == null || tracer == null) {
            return CallSpan.NONE;
        }
        return tracer.start(client, info);
    }

    /**
     * A call ended: its event goes to the application's observers, then its span ends.
     *
     * @param info what the call was and what its answer said; {@code null} for calls that are not observed
     * @param span what {@link #started} returned for the call
     */
    public void completed(CallInfo info, CallSpan span, CallBudget budget, Throwable failure) {
        if (info == null || (!synchronous && !asynchronous && span == CallSpan.NONE)) {
            return; // nobody listens: skip building the event and pricing the call
        }
        String pricedModel = info.responseModel() != null ? info.responseModel() : info.model;
        Double cost = info.batch ? batchCost(info) : costs.estimate(pricedModel, info.usage(), info.batch);
        ClaudeCallEvent event = new ClaudeCallEvent(client, info.operation, info.model, budget.start(),
                budget.elapsed(), budget.attempts(), failure, info.usage(), info.responseModel(), info.messageId(),
                cost, info.requestId());
        if (synchronous) {
            try {
                events.fire(event);
            } catch (RuntimeException observerFailure) {
                LOG.warnf(observerFailure, "An observer of ClaudeCallEvent failed; the call itself is unaffected");
            }
        }
        if (asynchronous) {
            events.fireAsync(event).exceptionally(observerFailure -> {
                LOG.warnf(observerFailure, "An @ObservesAsync observer of ClaudeCallEvent failed; the call itself is"
                        + " unaffected");
                return null;
            });
        }
        try {
            span.end(event);
        } catch (RuntimeException tracingFailure) {
            LOG.warnf(tracingFailure, "Ending the span of a Claude call failed; the call itself is unaffected");
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
}
