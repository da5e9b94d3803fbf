package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The {@code format} of an {@link OutputConfig}: {@code {"type":"json_schema","schema":{…}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OutputFormat extends JsonExtensible {

    /** The only format type the API has today. */
    public static final String JSON_SCHEMA = "json_schema";

    @JsonProperty("type")
    private String type;
    @JsonProperty("schema")
    private JsonNode schema;

    OutputFormat() {
    }

    private OutputFormat(String type, JsonNode schema) {
        this.type = type;
        this.schema = schema;
    }

    public static OutputFormat jsonSchema(JsonNode schema) {
        return new OutputFormat(JSON_SCHEMA, java.util.Objects.requireNonNull(schema, "schema"));
    }

    public String type() {
        return type;
    }

    public JsonNode schema() {
        return schema;
    }
}
