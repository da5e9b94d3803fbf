package io.quarkiverse.claude.deployment.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.claude.deployment.catalogue.ModelCatalogueBuildItem;
import io.quarkiverse.claude.deployment.config.ClaudeBuildTimeConfig;
import io.quarkiverse.claude.deployment.config.ClaudeBuildTimeConfig.ModelCheck;
import io.quarkiverse.claude.runtime.catalogue.CatalogueModel;
import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkiverse.claude.runtime.catalogue.ModelStatus;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Checks every configured model against the catalogue: unknown (with "did you mean"), retired, deprecated, and a
 * {@code max-tokens} above the model's maximum output.
 */
class ModelCheckProcessor {

    @BuildStep
    void checkModels(ClaudeBuildTimeConfig buildConfig, ClaudeClientSettingsBuildItem clients,
            ModelCatalogueBuildItem catalogue, BuildProducer<ConfigProblemBuildItem> problems) {
        if (buildConfig.modelCheck() == ModelCheck.OFF) {
            return;
        }
        ModelChecks checks = new ModelChecks(catalogue.catalogue(), buildConfig.extraModels().orElse(List.of()),
                buildConfig.modelCheck() == ModelCheck.FAIL);
        clients.clients().forEach(client -> checks.check(client).forEach(problems::produce));
    }

    /** The decisions, apart from the build so that they can be tested as plain functions. */
    static final class ModelChecks {

        private final ModelCatalogue catalogue;
        private final List<String> extraModels;
        private final boolean fail;

        ModelChecks(ModelCatalogue catalogue, List<String> extraModels, boolean fail) {
            this.catalogue = catalogue;
            this.extraModels = extraModels.stream().map(String::strip).toList();
            this.fail = fail;
        }

        List<ConfigProblemBuildItem> check(ClientSettings client) {
            Optional<ClientSettings.Setting> configured = client.get("model").filter(s -> !s.value().isBlank());
            if (configured.isEmpty()) {
                return List.of();
            }
            String property = configured.get().property();
            String id = configured.get().value();
            Optional<CatalogueModel> known = catalogue.find(id);
            if (known.isEmpty()) {
                if (extraModels.contains(id)) {
                    return List.of();
                }
                return List.of(ConfigProblemBuildItem.of(fail, property + "=" + id
                        + " is not a Claude model this extension knows. Did you mean " + orList(catalogue.closest(id, 3))
                        + "? If it is a model newer than this extension, accept it with quarkus.claude.extra-models=" + id
                        + " (or set quarkus.claude.model-check=warn)."));
            }
            CatalogueModel model = known.get();
            if (model.status() == ModelStatus.RETIRED) {
                return List.of(ConfigProblemBuildItem.of(fail, property + "=" + id + ": " + model.displayName()
                        + " was retired on " + model.retiredOn().orElseThrow()
                        + " and the API no longer serves it (requests fail with 404)."
                        + model.replacement().map(r -> " Use " + r + " instead.").orElse("")));
            }
            List<ConfigProblemBuildItem> found = new ArrayList<>();
            if (model.status() == ModelStatus.DEPRECATED) {
                found.add(ConfigProblemBuildItem.warning(property + "=" + id + ": " + model.displayName()
                        + " is deprecated (end of life " + model.endOfLife().orElseThrow()
                        + "): after that date the API no longer serves it."
                        + model.replacement().map(r -> " Move to " + r + " before then.").orElse("")));
            }
            client.get("max-tokens").ifPresent(maxTokens -> {
                Integer value = parseInt(maxTokens.value());
                if (value != null && value > model.maxOutputTokens()) {
                    found.add(ConfigProblemBuildItem.of(fail, maxTokens.property() + "=" + value + " is above the "
                            + model.maxOutputTokens() + " output tokens " + id + " can produce: set "
                            + maxTokens.property() + " to " + model.maxOutputTokens() + " or less."));
                }
            });
            return found;
        }

        private static Integer parseInt(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                return null; // the runtime config conversion reports it
            }
        }

        private static String orList(List<String> ids) {
            if (ids.size() <= 1) {
                return String.join("", ids);
            }
            return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        }
    }
}
