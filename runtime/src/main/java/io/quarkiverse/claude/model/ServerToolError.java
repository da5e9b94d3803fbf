package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A server tool's failure, in place of its result: {@code {"type": "web_search_tool_result_error", "error_code":
 * "max_uses_exceeded"}}. The codes the API documents include {@code invalid_tool_input}, {@code unavailable},
 * {@code too_many_requests} and {@code max_uses_exceeded} (all tools), {@code query_too_long} (web search),
 * {@code url_not_accessible}, {@code url_not_allowed} and {@code unsupported_content_type} (web fetch),
 * {@code execution_time_exceeded} (code execution) and {@code file_not_found} (text editor); new ones may come, so
 * they are kept as strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ServerToolError extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("error_code")
    private String errorCode;
    @JsonProperty("error_message")
    private String errorMessage;

    ServerToolError() {
    }

    /** @return e.g. {@code web_search_tool_result_error} */
    public String type() {
        return type;
    }

    /** @return why the tool failed, e.g. {@code max_uses_exceeded} */
    public String errorCode() {
        return errorCode;
    }

    /** @return the text editor's explanation, or {@code null} (the other tools send only a code) */
    public String errorMessage() {
        return errorMessage;
    }

    @Override
    public String toString() {
        return "ServerToolError[" + type + ", " + errorCode + "]";
    }
}
