package io.quarkiverse.claude.runtime.call;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * Starts the blocking attempts of threads that have no Vert.x context (the main thread, a plain executor's, a
 * scheduler's) on one event loop of the client, so that their requests and the connections they open stay on it.
 * <p>
 * Without this, the REST Client runs such a thread's request on a context Vert.x makes for the thread, on the next
 * event loop in turn, so that different threads land on different event loops. Vert.x 4.5's HTTP/1 pool hands a
 * request the available connection in its highest slot, whatever its event loop, and a request whose context and
 * connection are on two event loops crosses between them about five times (each crossing wakes the other event loop;
 * measured in the bench README: 28 system calls and 13 context switches per sequential call instead of 7 - 10 and 3 - 4).
 * With one event loop for all of them, every connection they open is on it.
 * <p>
 * The attempt is still subscribed on the calling thread, so the REST Client's request filters run there, never on the
 * event loop: the thread only takes a new duplicated context of that event loop while it subscribes, as a blocking
 * endpoint's worker thread has one. A duplicated context per attempt keeps the attempt's tracing context its own.
 * Threads that have a context of their own (Quarkus REST endpoints, {@code @Blocking} or not, Vert.x workers) keep it.
 */
final class PlainThreadEventLoop {

    private final VertxInternal vertx;
    /** Made on the first attempt that needs it. */
    private volatile ContextInternal eventLoop;

    /** @param vertx the application's Vert.x, or {@code null} (outside an application): then attempts run as they are */
    PlainThreadEventLoop(Vertx vertx) {
        this.vertx = (VertxInternal) vertx;
    }

    /**
     * @return the attempt, still subscribed on the subscribing thread, which takes a new duplicated context of the
     *         client's event loop while it subscribes when it has no Vert.x context of its own
     */
    <T> Uni<T> startedOnIt(Uni<T> attempt) {
        if (vertx == null) {
            return attempt;
        }
        return new AbstractUni<T>() {
            @Override
            public void subscribe(UniSubscriber<? super T> downstream) {
                if (Vertx.currentContext() != null) {
                    AbstractUni.subscribe(attempt, downstream);
                    return;
                }
                Thread thread = Thread.currentThread();
                ClassLoader own = thread.getContextClassLoader();
                ContextInternal call = eventLoop().duplicate();
                ContextInternal none = call.beginDispatch();
                try {
                    // the dispatch set the event loop context's class loader (the first caller's); keep this caller's
                    thread.setContextClassLoader(own);
                    AbstractUni.subscribe(attempt, downstream);
                } finally {
                    call.endDispatch(none);
                }
            }
        };
    }

    private ContextInternal eventLoop() {
        ContextInternal current = eventLoop;
        if (current == null) {
            synchronized (this) {
                if (eventLoop == null) {
                    eventLoop = vertx.createEventLoopContext();
                }
                current = eventLoop;
            }
        }
        return current;
    }
}
