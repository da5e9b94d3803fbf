package io.quarkiverse.claude.model.stream;

/** A keep-alive; carries nothing. */
public final class PingEvent extends StreamEvent {

    PingEvent() {
    }

    @Override
    public String type() {
        return "ping";
    }
}
