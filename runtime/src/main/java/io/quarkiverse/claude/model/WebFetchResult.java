package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A page fetched by the web fetch server tool: its URL, when it was fetched, and its text as a document block. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WebFetchResult extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("url")
    private String url;
    @JsonProperty("retrieved_at")
    private String retrievedAt;
    @JsonProperty("content")
    private ContentBlock content;

    WebFetchResult() {
    }

    /** @return {@code web_fetch_result} */
    public String type() {
        return type;
    }

    public String url() {
        return url;
    }

    /** @return when the page was fetched, an ISO 8601 time as the API sends it, or {@code null} */
    public String retrievedAt() {
        return retrievedAt;
    }

    /** @return the page as a document block (text, or a PDF as base64), or {@code null} */
    public DocumentBlock document() {
        return content instanceof DocumentBlock document ? document : null;
    }
}
