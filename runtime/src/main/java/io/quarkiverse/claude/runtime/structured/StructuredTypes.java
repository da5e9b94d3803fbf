package io.quarkiverse.claude.runtime.structured;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas of the structured output types, each derived once: at build time for the types the build found (recorded
 * here at startup, so that no introspection runs at the first call), else at the first call with the type.
 */
public final class StructuredTypes {

    /** Schemas the build derived, as JSON, by type name. */
    private static final Map<String, String> RECORDED = new ConcurrentHashMap<>();

    /** The schema, or the {@link SchemaProblem} of a type the API cannot accept, so that it fails fast every time. */
    private static final ClassValue<Object> SCHEMAS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            String recorded = RECORDED.get(type.getName());
            if (recorded != null) {
                try {
                    return StructuredJson.MAPPER.readTree(recorded);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try {
                return JsonSchemas.of(type);
            } catch (SchemaProblem problem) {
                return problem;
            }
        }
    };

    private StructuredTypes() {
    }

    /**
     * Called at startup with the schemas the build derived; they replace those of an earlier build (dev mode's
     * restarts), so that none is stale.
     */
    public static void record(Map<String, String> schemasByType) {
        RECORDED.clear();
        RECORDED.putAll(schemasByType);
    }

    /** @return whether the build derived the schema of {@code type} (a type the build found) */
    public static boolean derivedAtBuild(Class<?> type) {
        return RECORDED.containsKey(type.getName());
    }

    /**
     * @return the schema of {@code type} (shared: never change it)
     * @throws SchemaProblem when the API could not accept the type
     */
    public static ObjectNode schemaOf(Class<?> type) {
        Object schema = SCHEMAS.get(type);
        if (schema instanceof SchemaProblem problem) {
            // a new instance each time, with the caller's stack
            throw new SchemaProblem(problem.typeName(), problem.path(), problem.reason());
        }
        return (ObjectNode) schema;
    }
}
