package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request's {@code output_config}: the format of the answer ({@code {"type":"json_schema","schema":{…}}}) and the
 * {@code effort} the model spends on it ({@code low}, {@code medium}, {@code high}, {@code xhigh}, {@code max}).
 * <p>
 * To get a Java object back, use {@code messages().create(request, Person.class)}: it derives the schema from the
 * type and sets this field itself. Set it by hand only to send a schema of your own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OutputConfig extends JsonExtensible {

    @JsonProperty("format")
    private OutputFormat format;
    @JsonProperty("effort")
    private String effort;

    OutputConfig() {
    }

    private OutputConfig(OutputFormat format, String effort) {
        this.format = format;
        this.effort = effort;
    }

    /** @param schema a JSON Schema object within the subset the API accepts (see the structured outputs page) */
    public static OutputConfig jsonSchema(JsonNode schema) {
        return new OutputConfig(OutputFormat.jsonSchema(schema), null);
    }

    /** An {@code output_config} that only sets the effort, e.g. {@code "low"}. */
    public static OutputConfig effort(String effort) {
        return new OutputConfig(null, effort);
    }

    /** @return a copy with this effort ({@code null} for none) */
    public OutputConfig withEffort(String effort) {
        return new OutputConfig(format, effort);
    }

    /** @return a copy with this format ({@code null} for none) */
    public OutputConfig withFormat(OutputFormat format) {
        return new OutputConfig(format, effort);
    }

    /** @return the format of the answer, or {@code null} */
    public OutputFormat format() {
        return format;
    }

    /** @return the effort, or {@code null} */
    public String effort() {
        return effort;
    }
}
