package io.quarkiverse.claude.runtime.stream;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.Subscriptions;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Subscribes to one attempt's stream at once and resolves when its first event arrives (or it completes empty), with
 * the whole stream, first event included, buffered for the caller; fails if the stream fails before its first event,
 * so that the guard can retry it. A failure after the first event is passed on, through {@code lateFailure}, and never
 * retried.
 * <p>
 * The stream runs inside a place (the client's bulkhead and circuit breaker) for its whole life, not only until its
 * first event: the place's Uni ends when the stream ends, however it ends (completed, failed, or stopped by its
 * caller), so that {@code bulkhead.max-concurrent} bounds the streams in flight and the breaker counts a failure in the
 * middle of a stream. A plain subscriber rather than {@code subscribe().with(...)}: it sees every event of a long
 * answer, and the callback subscriber wraps each one for context propagation.
 */
public final class StreamStart<T> implements MultiSubscriber<T> {

    private final UniEmitter<? super Multi<T>> started;
    /** Ends the stream's place: completed or failed once, when the stream ends. */
    private final UniEmitter<? super Void> life;
    private final Function<Throwable, Throwable> lateFailure;
    private final UnicastProcessor<T> events = UnicastProcessor.create();
    /** What the caller gets: the buffered events, and a caller that stops reading stops the attempt. */
    private final Multi<T> stream = events.onCancellation().invoke(this::cancel);
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();

    private StreamStart(UniEmitter<? super Multi<T>> started, UniEmitter<? super Void> life,
            Function<Throwable, Throwable> lateFailure) {
        this.started = started;
        this.life = life;
        this.lateFailure = lateFailure;
    }

    /** A stream without a place to hold. */
    static <T> Uni<Multi<T>> of(Multi<T> attempt, Function<Throwable, Throwable> lateFailure) {
        return of(attempt, lateFailure, Supplier::get);
    }

    /**
     * @param lateFailure what a failure after the first event becomes (and where it is logged)
     * @param place runs the stream's life in the client's place (its bulkhead and breaker); a rejection by the place
     *        fails the stream before it starts
     * @return the stream, once its first event has arrived
     */
    public static <T> Uni<Multi<T>> of(Multi<T> attempt, Function<Throwable, Throwable> lateFailure,
            Function<Supplier<Uni<Void>>, Uni<Void>> place) {
        return Uni.createFrom().emitter(started -> {
            AtomicReference<StreamStart<T>> current = new AtomicReference<>();
            AtomicBoolean over = new AtomicBoolean();
            started.onTermination(() -> {
                over.set(true);
                StreamStart<T> start = current.get();
                if (start != null && start.first.get()) {
                    start.cancel(); // the attempt timed out or was cancelled before any event
                }
            });
            place.apply(() -> Uni.createFrom().<Void> emitter(life -> {
                if (over.get()) {
                    life.complete(null); // the caller left, or the attempt timed out, while it waited for its place
                    return;
                }
                StreamStart<T> start = new StreamStart<>(started, life, lateFailure);
                current.set(start);
                attempt.subscribe().withSubscriber(start);
            })).subscribe().with(ended -> {
            }, started::fail); // the place refused the stream (no effect once the stream had started)
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        if (upstream.compareAndSet(null, subscription)) {
            subscription.request(Long.MAX_VALUE); // buffered by the processor until the caller asks
        } else {
            subscription.cancel(); // cancelled before the subscription arrived
        }
    }

    @Override
    public void onItem(T event) {
        events.onNext(event);
        if (first.compareAndSet(true, false)) {
            started.complete(stream);
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        if (first.compareAndSet(true, false)) {
            started.fail(failure);
        } else {
            events.onError(lateFailure.apply(failure));
        }
        life.fail(failure);
    }

    @Override
    public void onCompletion() {
        events.onComplete();
        if (first.compareAndSet(true, false)) {
            started.complete(stream);
        }
        life.complete(null);
    }

    private void cancel() {
        Flow.Subscription subscription = upstream.getAndSet(Subscriptions.CANCELLED);
        if (subscription != null) {
            subscription.cancel();
        }
        life.complete(null);
    }
}
