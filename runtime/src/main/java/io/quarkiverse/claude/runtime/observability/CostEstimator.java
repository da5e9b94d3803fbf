package io.quarkiverse.claude.runtime.observability;

import java.util.Map;
import java.util.Optional;

import io.quarkiverse.claude.model.ServerToolUsage;
import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.runtime.catalogue.CatalogueModel;
import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkiverse.claude.runtime.catalogue.ModelPrices;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig.ModelPriceConfig;

/**
 * Estimates what a call cost in US dollars from its usage and the catalogue's prices per million tokens: input,
 * output, cache writes (5-minute and 1-hour, as the usage splits them) and cache reads, batches at half price; plus the
 * web searches the API ran ({@code usage.server_tool_use}) at the catalogue's price per thousand, never discounted.
 * Web fetches cost only their tokens; code execution, billed by container time that the usage does not report, is
 * not counted.
 */
final class CostEstimator {

    private static final double PER_MILLION = 1_000_000.0;
    private static final double BATCH_DISCOUNT = 0.5;

    private final Map<String, ModelPriceConfig> overrides;

    CostEstimator(Map<String, ModelPriceConfig> overrides) {
        this.overrides = overrides;
    }

    /** @return the prices of a model: the configured overrides over the catalogue's */
    Optional<ModelPrices> prices(String model) {
        Optional<CatalogueModel> known = ModelCatalogue.shipped().find(model);
        Optional<ModelPrices> catalogue = known.map(CatalogueModel::prices);
        ModelPriceConfig override = overrides.get(model);
        if (override == null && known.isPresent()) {
            // the catalogue finds dated ids and aliases; an override may be keyed by the catalogue's id
            override = overrides.get(known.get().id());
        }
        if (override == null) {
            return catalogue;
        }
        ModelPrices base = catalogue.orElse(new ModelPrices(0, 0, 0, 0, 0));
        return Optional.of(new ModelPrices(override.input().orElse(base.input()),
                override.output().orElse(base.output()), override.cacheWrite().orElse(base.cacheWrite5m()),
                override.cacheWrite1h().orElse(base.cacheWrite1h()), override.cacheRead().orElse(base.cacheRead())));
    }

    /** @return the estimate, or {@code null} when the usage or the model's prices are unknown */
    Double estimate(String model, Usage usage, boolean batch) {
        if (usage == null || model == null) {
            return null;
        }
        Optional<ModelPrices> prices = prices(model);
        if (prices.isEmpty()) {
            return null;
        }
        ModelPrices p = prices.get();
        long write1h = cacheWrite1h(usage);
        long write5m = Math.max(0, usage.cacheCreationInputTokens() - write1h);
        double dollars = (usage.inputTokens() * p.input() + usage.outputTokens() * p.output()
                + write5m * p.cacheWrite5m() + write1h * p.cacheWrite1h()
                + usage.cacheReadInputTokens() * p.cacheRead()) / PER_MILLION;
        return (batch ? dollars * BATCH_DISCOUNT : dollars) + serverTools(usage);
    }

    private static double serverTools(Usage usage) {
        ServerToolUsage used = usage.serverToolUse();
        return used == null ? 0
                : used.webSearchRequests() * ModelCatalogue.shipped().serverToolPrices().webSearchPerThousand() / 1000.0;
    }

    /** The API splits cache writes by lifetime in {@code usage.cache_creation}; without it, all are 5-minute ones. */
    private static long cacheWrite1h(Usage usage) {
        if (usage.extraFields().get("cache_creation") instanceof Map<?, ?> split
                && split.get("ephemeral_1h_input_tokens") instanceof Number tokens) {
            return tokens.longValue();
        }
        return 0;
    }
}
