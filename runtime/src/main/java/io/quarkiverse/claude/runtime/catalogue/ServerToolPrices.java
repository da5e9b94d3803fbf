package io.quarkiverse.claude.runtime.catalogue;

/**
 * What the API charges for its own tools on top of the tokens, the same for every model, in US dollars. Web fetch
 * costs only the tokens of what it fetched. Code execution is billed by container time, which an answer does not
 * report, so it is not estimated.
 *
 * @param webSearchPerThousand one thousand web searches ({@code usage.server_tool_use.web_search_requests})
 */
public record ServerToolPrices(double webSearchPerThousand) {

    /** No charge known: what a catalogue without the section gives. */
    public static final ServerToolPrices NONE = new ServerToolPrices(0);
}
