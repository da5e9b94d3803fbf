package io.quarkiverse.claude.runtime.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the model catalogue.
 *
 * @param id the model id the API knows, e.g. {@code claude-sonnet-4-6}
 * @param aliases other ids of the same model, e.g. dated snapshot ids such as {@code claude-haiku-4-5-20251001}
 * @param displayName the human name, e.g. {@code Claude Sonnet 4.6}
 * @param family {@code opus}, {@code sonnet}, {@code haiku}, ...
 * @param status active, deprecated or retired
 * @param endOfLife for a deprecated model, the day it stops being served
 * @param retiredOn for a retired model, the day it stopped being served
 * @param replacement the suggested model to move to, for a deprecated or retired model
 * @param contextWindow the context window in tokens
 * @param maxOutputTokens the largest {@code max_tokens} the model accepts (Messages API, not Batches betas)
 * @param prices list prices per million tokens
 * @param verified false when a value comes from secondary sources or is derived
 * @param notes free text about the data
 */
public record CatalogueModel(String id, List<String> aliases, String displayName, String family, ModelStatus status,
        Optional<LocalDate> endOfLife, Optional<LocalDate> retiredOn, Optional<String> replacement, int contextWindow,
        int maxOutputTokens, ModelPrices prices, boolean verified, Optional<String> notes) {

    public CatalogueModel {
        aliases = List.copyOf(aliases);
    }

    /** @return true when {@code modelId} is this model's id or one of its aliases */
    public boolean answersTo(String modelId) {
        return id.equals(modelId) || aliases.contains(modelId);
    }

    /** @return the id and the aliases */
    public List<String> allIds() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream()).toList();
    }
}
