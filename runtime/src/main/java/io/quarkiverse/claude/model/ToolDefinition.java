package io.quarkiverse.claude.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An entry of a request's {@code tools}: a {@link Tool} that the application runs, or a {@link ServerTool} that the API
 * runs itself (web search, web fetch, code execution).
 */
@JsonDeserialize(using = ToolDefinitionDeserializer.class)
public sealed interface ToolDefinition permits Tool, ServerTool {

    /** @return the name the model calls the tool by */
    String name();

    /** @return the prompt-caching breakpoint on this tool, or {@code null} */
    CacheControl cacheControl();
}
