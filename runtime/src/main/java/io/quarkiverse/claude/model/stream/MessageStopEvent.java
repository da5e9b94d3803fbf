package io.quarkiverse.claude.model.stream;

/** The stream's last event: the answer is complete. */
public final class MessageStopEvent extends StreamEvent {

    MessageStopEvent() {
    }

    @Override
    public String type() {
        return "message_stop";
    }
}
