package io.quarkiverse.claude.runtime.stream;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import io.quarkiverse.claude.model.stream.StreamDelta;

/**
 * Reads the {@code delta} of a {@code content_block_delta} (the event of which a long answer has thousands) straight
 * into its class when its {@code type} comes first and is a known one, as the API sends it. Jackson's polymorphic
 * handling would copy the {@code type} of every delta into a buffer and read the object through it; anything other
 * than the known case still goes that way, so an unknown delta type is kept whole.
 */
final class StreamDeltaDeserializer extends StdDeserializer<StreamDelta> implements ResolvableDeserializer {

    private final ObjectReader polymorphic;
    /** The deserializer of each known delta type, by its name; looked up once, in {@link #resolve}. */
    private final Map<String, JsonDeserializer<Object>> known = new HashMap<>();

    /**
     * @param polymorphic a reader of {@link StreamDelta} through its {@code @JsonTypeInfo}, for the other cases; it
     *        must come from a mapper without this deserializer
     */
    StreamDeltaDeserializer(ObjectReader polymorphic) {
        super(StreamDelta.class);
        this.polymorphic = polymorphic;
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        for (JsonSubTypes.Type type : StreamDelta.class.getAnnotation(JsonSubTypes.class).value()) {
            known.put(type.name(), ctxt.findRootValueDeserializer(ctxt.constructType(type.value())));
        }
    }

    @Override
    public StreamDelta deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            token = p.nextToken();
        } else if (token != JsonToken.FIELD_NAME) {
            return polymorphic.readValue(p); // not an object: the usual reader says what is wrong
        }
        if (token != JsonToken.FIELD_NAME || !"type".equals(p.currentName())) {
            return polymorphic.readValue(rest(p, ctxt, null));
        }
        p.nextToken();
        JsonDeserializer<Object> concrete = p.currentToken() == JsonToken.VALUE_STRING ? known.get(p.getText()) : null;
        if (concrete == null) {
            return polymorphic.readValue(rest(p, ctxt, "type"));
        }
        p.nextToken(); // the next field, or the end of the object: where a bean deserializer carries on
        return (StreamDelta) concrete.deserialize(p, ctxt);
    }

    /** The type handling is this deserializer's own: the property's type deserializer is not needed. */
    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return deserialize(p, ctxt);
    }

    /**
     * @param readField the name of the field whose value is the current token, or {@code null} when the parser is at
     *        a field name or the end of the object
     * @return the object from here on, as a parser of its own, with the field already read put back first
     */
    private static JsonParser rest(JsonParser p, DeserializationContext ctxt, String readField) throws IOException {
        TokenBuffer buffer = ctxt.bufferForInputBuffering(p);
        buffer.writeStartObject();
        if (readField != null) {
            buffer.writeFieldName(readField);
            buffer.copyCurrentStructure(p);
            p.nextToken();
        }
        while (p.currentToken() == JsonToken.FIELD_NAME) {
            buffer.copyCurrentStructure(p);
            p.nextToken();
        }
        buffer.writeEndObject();
        JsonParser rest = buffer.asParser(p);
        rest.nextToken();
        return rest;
    }
}
