package io.quarkiverse.claude.runtime.json;

import jakarta.ws.rs.ext.ContextResolver;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of the Claude API: the one {@link ObjectMapper} that writes every request and reads every answer, stream
 * event, error body and batch result, and that the pre-flight size check measures with.
 * <p>
 * It is the extension's own, not the application's: an {@code ObjectMapperCustomizer} or a
 * {@code ContextResolver<ObjectMapper>} of the application (root wrapping, naming strategies, inclusion rules, custom
 * serialisers) must not change what reaches the API, nor break how its answers read. Our model names every field
 * with annotations and keeps unknown ones, so the plain mapper writes exactly the API's JSON. Registered on each
 * client's REST Client as its {@link ContextResolver}, which the REST Client's Jackson reader and writer ask before
 * falling back to the application's mapper. Static, built once: the decoders that use it are not beans.
 */
public final class WireJson implements ContextResolver<ObjectMapper> {

    /**
     * Ahead of any {@code ContextResolver<ObjectMapper>} the application registers for all its REST Clients (a
     * {@code @Provider}), whatever its {@code @Priority}: the REST Client asks the resolver of the lowest value first.
     */
    public static final int PRIORITY = Integer.MIN_VALUE;

    /**
     * The API adds fields without notice, so unknown ones never fail a read (the model keeps them). The size of what
     * is read is bounded by the client's {@code max-response-size}, so Jackson's own string limit is lifted: a long
     * answer within that size must not fail on it.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).build());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
