package io.quarkiverse.claude.model;

/** What a web fetch got: the {@linkplain #result() page}, or an {@linkplain #error() error}. */
public final class WebFetchToolResultBlock extends ServerToolResultBlock {

    WebFetchToolResultBlock() {
    }

    @Override
    public String type() {
        return "web_fetch_tool_result";
    }

    /** @return the page fetched, or {@code null} when the fetch failed */
    public WebFetchResult result() {
        return rawContent() instanceof WebFetchResult result ? result : null;
    }
}
