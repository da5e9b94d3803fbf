package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A tool the model may call and the application runs: a name, a description and a JSON Schema for its input. (The
 * tools the API runs itself are {@link ServerTool}s.)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class) // not ToolDefinition's: it would call itself
public final class Tool extends JsonExtensible implements ToolDefinition {

    @JsonProperty("name")
    private String name;
    @JsonProperty("description")
    private String description;
    @JsonProperty("input_schema")
    private JsonNode inputSchema;
    @JsonProperty("cache_control")
    private CacheControl cacheControl;

    Tool() {
    }

    private Tool(String name, String description, JsonNode inputSchema, CacheControl cacheControl) {
        this.name = name;
        this.description = description;
        this.inputSchema = inputSchema;
        this.cacheControl = cacheControl;
    }

    /** @param inputSchema a JSON Schema object, e.g. {@code {"type":"object","properties":{…}}} */
    public static Tool of(String name, String description, JsonNode inputSchema) {
        return new Tool(name, description, inputSchema, null);
    }

    /** @return a copy of this tool with a prompt-caching breakpoint */
    public Tool withCacheControl(CacheControl cacheControl) {
        return new Tool(name, description, inputSchema, cacheControl);
    }

    @Override
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public JsonNode inputSchema() {
        return inputSchema;
    }

    @Override
    public CacheControl cacheControl() {
        return cacheControl;
    }
}
