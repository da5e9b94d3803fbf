package io.quarkiverse.claude.runtime.observability;

import java.util.function.Supplier;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The span of one call, when the application traces ({@code quarkus-opentelemetry}): started when the call starts, the
 * parent of what each attempt does (the REST Client's HTTP span of the attempt, and so the {@code traceparent} the API
 * receives), ended when the call ends. Names no OpenTelemetry type, so that the call path never loads one when
 * OpenTelemetry is absent; then every call has {@link #NONE}.
 */
public interface CallSpan {

    /** No span: the application does not trace, or the call is not observed (a {@code @ClaudeResilience} method). */
    CallSpan NONE = new CallSpan() {
        @Override
        public <T> Uni<T> parentOf(Supplier<Uni<T>> attempt) {
            return attempt.get();
        }

        @Override
        public <T> Multi<T> parentOfStream(Supplier<Multi<T>> attempt) {
            return attempt.get();
        }

        @Override
        public void end(ClaudeCallEvent call) {
        }
    };

    /**
     * @param attempt the REST call of one attempt, not yet started
     * @return the attempt, created and subscribed with this span current: Mutiny's context propagation captures the
     *         current context where a Uni is created, and the REST Client makes its HTTP span a child of the current
     *         context where it is subscribed (the thread's, or its Vert.x duplicated context, which the REST Client
     *         copies into the context of its request)
     */
    <T> Uni<T> parentOf(Supplier<Uni<T>> attempt);

    /** @see #parentOf(Supplier) */
    <T> Multi<T> parentOfStream(Supplier<Multi<T>> attempt);

    /** Ends the span with what the call did (a cancelled call too: it ends failed, with a CancellationException). */
    void end(ClaudeCallEvent call);
}
