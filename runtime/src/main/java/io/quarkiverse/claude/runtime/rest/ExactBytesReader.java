package io.quarkiverse.claude.runtime.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

/**
 * Reads a body as bytes into an array of its exact size. The REST Client hands over a body it has already read whole
 * (or one chunk of a download), whose {@code available()} is all of it; the stock reader copies it through 8 KB
 * buffers, a third of what a call allocates. A body that says less than it has is still read to its end.
 */
public final class ExactBytesReader implements MessageBodyReader<byte[]> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readNBytes(Math.max(0, entityStream.available()));
        int next = entityStream.read();
        if (next < 0) {
            return body;
        }
        byte[] rest = entityStream.readAllBytes();
        byte[] whole = new byte[body.length + 1 + rest.length];
        System.arraycopy(body, 0, whole, 0, body.length);
        whole[body.length] = (byte) next;
        System.arraycopy(rest, 0, whole, body.length + 1, rest.length);
        return whole;
    }
}
