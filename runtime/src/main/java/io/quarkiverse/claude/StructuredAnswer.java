package io.quarkiverse.claude;

import java.util.Objects;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.Usage;

/**
 * A structured answer: the Java object the answer's JSON was read into, and the answer itself (its usage, stop reason,
 * id and raw text).
 *
 * @param value the answer, read into the requested type
 * @param message the answer as the API sent it
 * @param <T> the requested type
 */
public record StructuredAnswer<T>(T value, Message message) {

    public StructuredAnswer {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
    }

    /** @return the answer's token usage */
    public Usage usage() {
        return message.usage();
    }

    @Override
    public String toString() {
        // the value may hold personal data: show the shape only
        return "StructuredAnswer[" + value.getClass().getName() + ", " + message.id() + "]";
    }
}
