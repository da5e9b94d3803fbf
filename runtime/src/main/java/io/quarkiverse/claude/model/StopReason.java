package io.quarkiverse.claude.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the model stopped. Not an enum on purpose: the API adds reasons without notice, and an unknown one is kept
 * as sent rather than failing the whole response.
 */
public final class StopReason {

    public static final StopReason END_TURN = new StopReason("end_turn");
    public static final StopReason MAX_TOKENS = new StopReason("max_tokens");
    public static final StopReason STOP_SEQUENCE = new StopReason("stop_sequence");
    public static final StopReason TOOL_USE = new StopReason("tool_use");
    public static final StopReason PAUSE_TURN = new StopReason("pause_turn");
    public static final StopReason REFUSAL = new StopReason("refusal");

    private final String value;

    private StopReason(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static StopReason of(String value) {
        return value == null ? null : new StopReason(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** @return whether this is one of the reasons named by the constants of this class */
    public boolean isKnown() {
        return switch (value) {
            case "end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal" -> true;
            default -> false;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StopReason other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
