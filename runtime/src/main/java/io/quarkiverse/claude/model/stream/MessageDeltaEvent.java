package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.model.JsonExtensible;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.model.Usage;

/** Top-level changes near the end: the stop reason and the cumulative usage. */
public final class MessageDeltaEvent extends StreamEvent {

    @JsonProperty("delta")
    private Delta delta;
    @JsonProperty("usage")
    private Usage usage;

    MessageDeltaEvent() {
    }

    @Override
    public String type() {
        return "message_delta";
    }

    public Delta delta() {
        return delta;
    }

    /** @return the usage so far; {@code output_tokens} is cumulative */
    public Usage usage() {
        return usage;
    }

    /** The changed fields of the message. */
    public static final class Delta extends JsonExtensible {
        @JsonProperty("stop_reason")
        private StopReason stopReason;
        @JsonProperty("stop_sequence")
        private String stopSequence;

        Delta() {
        }

        public StopReason stopReason() {
            return stopReason;
        }

        public String stopSequence() {
            return stopSequence;
        }
    }
}
