package io.quarkiverse.claude.runtime.stream;

import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.smallrye.mutiny.Multi;

/**
 * The blocking forms of a stream, consumed on the caller's thread. Every event that arrived before a failure reaches
 * the caller before the failure is thrown: Mutiny's blocking iterable throws a failure as soon as it arrives, dropping
 * the events still queued for the caller, so the failure travels here as the last item, in order.
 */
public final class BlockingStreams {

    /** An event, or the failure that ended the stream. */
    private record Signal(StreamEvent event, Throwable failure) {

        StreamEvent eventOrThrow() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new CompletionException(failure);
            }
            return event;
        }
    }

    private BlockingStreams() {
    }

    /** @return the events, then the failure if the stream failed; closing the stream cancels it */
    public static Stream<StreamEvent> events(Multi<StreamEvent> stream) {
        return stream.onItem().transform(event -> new Signal(event, null))
                .onFailure().recoverWithItem(failure -> new Signal(null, failure))
                .subscribe().asStream()
                .map(Signal::eventOrThrow);
    }

    /** @return the complete message, after each piece of its text went to {@code onText} */
    public static Message text(Multi<StreamEvent> stream, Consumer<String> onText) {
        MessageAccumulator accumulator = new MessageAccumulator();
        try (Stream<StreamEvent> events = events(stream)) {
            events.forEach(event -> {
                accumulator.accept(event);
                String text = event.textOrNull();
                if (text != null) {
                    onText.accept(text);
                }
            });
        }
        return accumulator.message();
    }
}
