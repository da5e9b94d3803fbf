package io.quarkiverse.claude.model;

import java.util.List;

/** What a web search found: the {@linkplain #results() pages}, or an {@linkplain #error() error}. */
public final class WebSearchToolResultBlock extends ServerToolResultBlock {

    WebSearchToolResultBlock() {
    }

    @Override
    public String type() {
        return "web_search_tool_result";
    }

    /** @return the pages found, in the search engine's order; empty when the search failed */
    public List<WebSearchResult> results() {
        return rawContent() instanceof List<?> list
                ? list.stream().filter(WebSearchResult.class::isInstance).map(WebSearchResult.class::cast).toList()
                : List.of();
    }
}
