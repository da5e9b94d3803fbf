package io.quarkiverse.claude.runtime;

import java.util.function.Supplier;

import io.quarkiverse.claude.runtime.errors.TransportErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs the calls of one client, so that every failure reaches the caller as a typed
 * {@link io.quarkiverse.claude.errors.ClaudeException}. The one place where per-call policies wrap the REST calls.
 */
public class ClaudeCalls {

    private final TransportErrors errors;

    public ClaudeCalls(TransportErrors errors) {
        this.errors = errors;
    }

    public <T> T blocking(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            throw errors.translateToThrow(failure);
        }
    }

    public <T> Uni<T> async(Supplier<Uni<T>> call) {
        return Uni.createFrom().<T> deferred(call::get).onFailure().transform(errors::translate);
    }

    /** A stream of events; a failure before or during the stream arrives typed. */
    public <T> Multi<T> stream(Supplier<Multi<T>> call) {
        return Multi.createFrom().<T> deferred(call::get).onFailure().transform(errors::translate);
    }
}
