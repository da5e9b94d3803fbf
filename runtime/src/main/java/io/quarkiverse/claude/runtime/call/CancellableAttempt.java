package io.quarkiverse.claude.runtime.call;

import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.operators.UniOperator;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;

/**
 * One attempt, cancelled quietly. Its timeout cancels it, and so does its caller for an asynchronous call: the guard
 * (SmallRye Fault Tolerance) does not pass a caller's cancellation on to the attempt it runs, and it only ends the call,
 * freeing its bulkhead place, once that attempt ends; so when the call's {@link CallBudget} is cancelled, this cancels
 * the attempt (the REST Client resets its HTTP request, closing the connection) and fails it, at once, with a
 * {@link java.util.concurrent.CancellationException} that is never retried. Either way, the failure the reset then
 * causes is expected and dropped here, not handed to Mutiny, which would log it at ERROR as a dropped exception. A
 * Mutiny operator of its own rather than {@code Uni.combine().any()} with a cancellation signal: it runs for every
 * attempt, and the combination allocated several KB per call.
 */
final class CancellableAttempt<T> extends UniOperator<T, T> {

    /** The call's budget, when its caller can cancel it; {@code null} when only the timeout can. */
    private final CallBudget budget;
    private final AnswerHandle handle;

    /** @param handle the attempt's HTTP exchange, aborted (rather than the REST call cancelled) when it can be */
    CancellableAttempt(Uni<T> attempt, AnswerHandle handle, CallBudget budget) {
        super(attempt);
        this.handle = handle;
        this.budget = budget;
    }

    @Override
    public void subscribe(UniSubscriber<? super T> downstream) {
        AbstractUni.subscribe(upstream(), new Processor<>(downstream, handle, budget));
    }

    private static final class Processor<T> implements UniSubscriber<T>, UniSubscription, Runnable {

        private final UniSubscriber<? super T> downstream;
        private final AnswerHandle handle;
        private final CallBudget budget;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile UniSubscription upstream;

        Processor(UniSubscriber<? super T> downstream, AnswerHandle handle, CallBudget budget) {
            this.downstream = downstream;
            this.handle = handle;
            this.budget = budget;
        }

        @Override
        public Context context() {
            return downstream.context();
        }

        @Override
        public void onSubscribe(UniSubscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
            if (budget != null && !budget.attempting(this)) {
                run(); // cancelled before the attempt started
            }
        }

        @Override
        public void onItem(T item) {
            if (done.compareAndSet(false, true)) {
                if (budget != null) {
                    budget.attempting(null);
                }
                downstream.onItem(item);
            }
        }

        @Override
        public void onFailure(Throwable failure) {
            if (done.compareAndSet(false, true)) {
                if (budget != null) {
                    budget.attempting(null);
                }
                downstream.onFailure(failure);
            } // else: the attempt failed because it was cancelled (by its timeout or its caller): expected
        }

        /** The downstream (the attempt's timeout, or a caller that stopped waiting) cancelled the attempt. */
        @Override
        public void cancel() {
            done.set(true);
            stop();
        }

        /** The caller cancelled the call. */
        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                stop();
                downstream.onFailure(CallBudget.cancelled());
            }
        }

        /**
         * Resets the HTTP request, so that the REST call fails (its failure is then ignored here); only a call whose
         * request does not exist yet is cancelled instead.
         */
        private void stop() {
            if (!handle.abort()) {
                upstream.cancel();
            }
        }
    }
}
