package io.quarkiverse.claude.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.quarkiverse.claude.model.Citation;
import io.quarkiverse.claude.model.JsonExtensible;

/** The payload of a {@link ContentBlockDeltaEvent}. An unknown delta type is kept as {@link UnknownDelta}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true, defaultImpl = StreamDelta.UnknownDelta.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = StreamDelta.TextDelta.class, name = "text_delta"),
        @JsonSubTypes.Type(value = StreamDelta.InputJsonDelta.class, name = "input_json_delta"),
        @JsonSubTypes.Type(value = StreamDelta.ThinkingDelta.class, name = "thinking_delta"),
        @JsonSubTypes.Type(value = StreamDelta.SignatureDelta.class, name = "signature_delta"),
        @JsonSubTypes.Type(value = StreamDelta.CitationsDelta.class, name = "citations_delta")
})
public abstract sealed class StreamDelta extends JsonExtensible {

    @JsonProperty("type")
    public abstract String type();

    @JsonProperty("type")
    void acceptType(String type) {
    }

    /** More text of a text block. */
    public static final class TextDelta extends StreamDelta {
        @JsonProperty("text")
        private String text;

        @Override
        public String type() {
            return "text_delta";
        }

        public String text() {
            return text;
        }
    }

    /** A fragment of a tool_use block's input JSON; only the concatenation of all fragments is valid JSON. */
    public static final class InputJsonDelta extends StreamDelta {
        @JsonProperty("partial_json")
        private String partialJson;

        @Override
        public String type() {
            return "input_json_delta";
        }

        public String partialJson() {
            return partialJson;
        }
    }

    /** More text of a thinking block. */
    public static final class ThinkingDelta extends StreamDelta {
        @JsonProperty("thinking")
        private String thinking;

        @Override
        public String type() {
            return "thinking_delta";
        }

        public String thinking() {
            return thinking;
        }
    }

    /** The signature of a thinking block, sent just before it stops. */
    public static final class SignatureDelta extends StreamDelta {
        @JsonProperty("signature")
        private String signature;

        @Override
        public String type() {
            return "signature_delta";
        }

        public String signature() {
            return signature;
        }
    }

    /** One more citation of a text block. */
    public static final class CitationsDelta extends StreamDelta {
        @JsonProperty("citation")
        private Citation citation;

        @Override
        public String type() {
            return "citations_delta";
        }

        public Citation citation() {
            return citation;
        }
    }

    /** A delta type this version does not know; its fields are in {@link #extraFields()}. */
    public static final class UnknownDelta extends StreamDelta {
        private String type;

        @Override
        public String type() {
            return type;
        }

        @Override
        @JsonProperty("type")
        void acceptType(String type) {
            this.type = type;
        }
    }
}
