package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page found by the web search server tool. Send it back unchanged in later turns (the page's text is in
 * {@link #encryptedContent()}, which only the API can read).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WebSearchResult extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("url")
    private String url;
    @JsonProperty("title")
    private String title;
    // The API sends null for an unknown age, and the official SDK sends the null back: so do we.
    @JsonProperty("page_age")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private String pageAge;
    @JsonProperty("encrypted_content")
    private String encryptedContent;

    WebSearchResult() {
    }

    /** @return {@code web_search_result} */
    public String type() {
        return type;
    }

    public String url() {
        return url;
    }

    public String title() {
        return title;
    }

    /** @return how old the page is, as the search engine says it (e.g. {@code "3 days ago"}), or {@code null} */
    public String pageAge() {
        return pageAge;
    }

    public String encryptedContent() {
        return encryptedContent;
    }
}
