package io.quarkiverse.claude.runtime.catalogue;

/**
 * The list prices of a model in US dollars per million tokens. Message Batches cost half of these.
 *
 * @param input input tokens
 * @param output output tokens
 * @param cacheWrite5m prompt-cache writes with the 5-minute lifetime
 * @param cacheWrite1h prompt-cache writes with the 1-hour lifetime
 * @param cacheRead prompt-cache reads (hits)
 */
public record ModelPrices(double input, double output, double cacheWrite5m, double cacheWrite1h, double cacheRead) {
}
