package io.quarkiverse.claude.runtime.structured;

/**
 * A Java type whose JSON schema the API cannot accept (recursive, a map, no properties, raw {@code Object}, ...). Its
 * message names the type, the field (as a JSON path) and what to do.
 */
public final class SchemaProblem extends RuntimeException {

    private final String typeName;
    private final String path;
    private final String reason;

    SchemaProblem(String typeName, String path, String reason) {
        super("Structured output type " + typeName + ": " + path + ": " + reason, null, false, false);
        this.typeName = typeName;
        this.path = path;
        this.reason = reason;
    }

    /** @return the requested type's name */
    public String typeName() {
        return typeName;
    }

    /** @return where in the type, e.g. {@code $.address.next} */
    public String path() {
        return path;
    }

    /** @return what is wrong there and the fix */
    public String reason() {
        return reason;
    }
}
