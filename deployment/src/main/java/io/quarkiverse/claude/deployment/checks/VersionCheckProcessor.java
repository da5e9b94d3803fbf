package io.quarkiverse.claude.deployment.checks;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Checks {@code anthropic-version}: one the API accepts, and, with {@code 2026-10-21}, no configured sampling
 * default the API rejects on that version.
 */
class VersionCheckProcessor {

    static final List<String> VERSIONS = List.of("2023-06-01", "2023-01-01", "2026-10-21");
    static final String NO_SAMPLING_VERSION = "2026-10-21";
    private static final List<String> SAMPLING_KEYS = List.of("temperature", "top-p", "top-k");

    @BuildStep
    void checkVersions(ClaudeClientSettingsBuildItem clients, BuildProducer<ConfigProblemBuildItem> problems) {
        clients.clients().forEach(client -> check(client).forEach(problems::produce));
    }

    static List<ConfigProblemBuildItem> check(ClientSettings client) {
        List<ConfigProblemBuildItem> found = new ArrayList<>();
        client.get("anthropic-version").ifPresent(version -> {
            if (!VERSIONS.contains(version.value())) {
                found.add(ConfigProblemBuildItem.error(version.property() + "=" + version.value()
                        + " is not an anthropic-version the API accepts: use one of " + String.join(", ", VERSIONS)
                        + " (the default is 2023-06-01)."));
            } else if (version.value().equals(NO_SAMPLING_VERSION)) {
                for (String key : SAMPLING_KEYS) {
                    client.get(key).ifPresent(sampling -> found.add(ConfigProblemBuildItem.error(sampling.property()
                            + "=" + sampling.value() + " cannot be used with " + version.property() + "="
                            + NO_SAMPLING_VERSION + ": the API rejects temperature, top_p and top_k on that version"
                            + " with 400. Remove " + sampling.property() + ", or use anthropic-version 2023-06-01.")));
                }
            }
        });
        return found;
    }
}
