package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code usage.server_tool_use}: how often the API ran its own tools in one call. Web searches are billed per search on
 * top of the tokens; web fetches cost only the tokens of what was fetched. Counts the API adds are in
 * {@link #extraFields()}.
 */
public final class ServerToolUsage extends JsonExtensible {

    @JsonProperty("web_search_requests")
    private long webSearchRequests;
    @JsonProperty("web_fetch_requests")
    private long webFetchRequests;

    ServerToolUsage() {
    }

    public ServerToolUsage(long webSearchRequests, long webFetchRequests) {
        this.webSearchRequests = webSearchRequests;
        this.webFetchRequests = webFetchRequests;
    }

    public long webSearchRequests() {
        return webSearchRequests;
    }

    public long webFetchRequests() {
        return webFetchRequests;
    }

    @Override
    public String toString() {
        return "ServerToolUsage[webSearch=" + webSearchRequests + ", webFetch=" + webFetchRequests + "]";
    }
}
