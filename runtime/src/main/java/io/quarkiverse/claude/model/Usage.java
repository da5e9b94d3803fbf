package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens billed for a call, and the {@linkplain #serverToolUse() server tools} it ran. Fields the API adds (service
 * tier, …) are in {@link #extraFields()}.
 */
public final class Usage extends JsonExtensible {

    @JsonProperty("input_tokens")
    private long inputTokens;
    @JsonProperty("output_tokens")
    private long outputTokens;
    @JsonProperty("cache_creation_input_tokens")
    private long cacheCreationInputTokens;
    @JsonProperty("cache_read_input_tokens")
    private long cacheReadInputTokens;
    @JsonProperty("server_tool_use")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private ServerToolUsage serverToolUse;

    Usage() {
    }

    public Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.cacheCreationInputTokens = cacheCreationInputTokens;
        this.cacheReadInputTokens = cacheReadInputTokens;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheCreationInputTokens() {
        return cacheCreationInputTokens;
    }

    public long cacheReadInputTokens() {
        return cacheReadInputTokens;
    }

    /** @return the server tool requests of the call, or {@code null} when the API sent none */
    public ServerToolUsage serverToolUse() {
        return serverToolUse;
    }

    /**
     * @return this usage updated by the usage of a stream's {@code message_delta}, which is cumulative: a count the
     *         delta leaves at zero keeps the earlier value
     */
    public Usage updatedBy(Usage delta) {
        Usage merged = new Usage(delta.inputTokens > 0 ? delta.inputTokens : inputTokens,
                delta.outputTokens > 0 ? delta.outputTokens : outputTokens,
                delta.cacheCreationInputTokens > 0 ? delta.cacheCreationInputTokens : cacheCreationInputTokens,
                delta.cacheReadInputTokens > 0 ? delta.cacheReadInputTokens : cacheReadInputTokens);
        merged.serverToolUse = delta.serverToolUse != null ? delta.serverToolUse : serverToolUse;
        extraFields().forEach(merged::putExtraField);
        delta.extraFields().forEach(merged::putExtraField);
        return merged;
    }

    @Override
    public String toString() {
        return "Usage[input=" + inputTokens + ", output=" + outputTokens + ", cacheWrite=" + cacheCreationInputTokens
                + ", cacheRead=" + cacheReadInputTokens
                + (serverToolUse == null ? "" : ", webSearch=" + serverToolUse.webSearchRequests()) + "]";
    }
}
