package io.quarkiverse.claude.runtime.stream;

import java.util.concurrent.Flow;

import org.jboss.resteasy.reactive.client.SseEvent;

import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.AbstractMultiOperator;
import io.smallrye.mutiny.operators.multi.MultiOperatorProcessor;
import io.smallrye.mutiny.subscription.MultiSubscriber;

/**
 * The REST Client's server-sent events of one answer, decoded by a {@link StreamDecoder}. A Mutiny operator of its own
 * rather than {@code transformToIterable} + {@code onCompletion().invoke}: it runs once per event of a long answer,
 * and the stock operators subscribe to an inner stream per item and wrap each callback for context propagation, which
 * cost more than decoding the event.
 */
public final class StreamDecoding extends AbstractMultiOperator<SseEvent<?>, StreamEvent> {

    private final StreamDecoder decoder;

    private StreamDecoding(Multi<? extends SseEvent<?>> upstream, StreamDecoder decoder) {
        super(upstream);
        this.decoder = decoder;
    }

    /** @param events the REST Client's events, raw-typed as {@link ClaudeRestApi#streamMessage} says why */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static Multi<StreamEvent> of(Multi<SseEvent> events, StreamDecoder decoder) {
        return new StreamDecoding((Multi) events, decoder);
    }

    @Override
    public void subscribe(MultiSubscriber<? super StreamEvent> downstream) {
        upstream.subscribe().withSubscriber(new Processor(downstream, decoder));
    }

    private static final class Processor extends MultiOperatorProcessor<SseEvent<?>, StreamEvent> {

        private final StreamDecoder decoder;

        Processor(MultiSubscriber<? super StreamEvent> downstream, StreamDecoder decoder) {
            super(downstream);
            this.decoder = decoder;
        }

        @Override
        public void onItem(SseEvent<?> sse) {
            if (isDone()) {
                return;
            }
            StreamEvent event;
            try {
                event = decoder.decode(sse);
            } catch (Throwable failure) {
                Flow.Subscription subscription = getUpstreamSubscription();
                if (subscription != null) {
                    subscription.cancel();
                }
                onFailure(failure);
                return;
            }
            if (event != null) {
                downstream.onItem(event);
            } else {
                request(1); // nothing to pass on (an event without JSON data): ask for the next one instead
            }
        }

        @Override
        public void onCompletion() {
            if (isDone()) {
                return; // cancelled by the caller or already failed: nothing to check, nobody to tell
            }
            try {
                decoder.checkComplete();
            } catch (Throwable incomplete) {
                onFailure(incomplete);
                return;
            }
            super.onCompletion();
        }
    }
}
