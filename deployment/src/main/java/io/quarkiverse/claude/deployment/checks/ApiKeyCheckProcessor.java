package io.quarkiverse.claude.deployment.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkiverse.claude.deployment.config.ClaudeBuildTimeConfig;
import io.quarkiverse.claude.runtime.client.ApiKeyShape;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Checks the API key without ever reading its value into a message: a literal key in a configuration source packaged
 * into the application fails the production build, and a literal that does not start like a Claude key warns.
 */
class ApiKeyCheckProcessor {

    @BuildStep
    void checkApiKeys(ClaudeBuildTimeConfig buildConfig, LaunchModeBuildItem launchMode,
            ClaudeClientSettingsBuildItem clients, BuildProducer<ConfigProblemBuildItem> problems) {
        for (ClientSettings client : clients.clients()) {
            check(client, launchMode.getLaunchMode(), buildConfig.allowLiteralApiKey(), workingDirectory())
                    .forEach(problems::produce);
        }
    }

    static List<ConfigProblemBuildItem> check(ClientSettings client, LaunchMode mode, boolean allowLiteral,
            Path workingDirectory) {
        List<ConfigProblemBuildItem> found = new ArrayList<>();
        boolean production = mode == LaunchMode.NORMAL && !allowLiteral;
        client.apiKey().filter(ClientSettings.ApiKeySetting::writesAKey).ifPresent(key -> {
            String property = key.property();
            if (production && isPackaged(key.sourceName(), workingDirectory)) {
                found.add(ConfigProblemBuildItem.error(property + " holds a literal API key"
                        + (key.literal() ? "" : " as the default of an expression") + " in " + key.sourceName()
                        + ", which is packaged into the application: a key in a jar or an image is a leaked key. Use "
                        + property + "=${ANTHROPIC_API_KEY} and set the ANTHROPIC_API_KEY environment variable where"
                        + " the application runs (or, to accept the risk, quarkus.claude.allow-literal-api-key=true)."));
            }
            if (key.literal() && !key.shapedLikeClaudeKey()) {
                found.add(ConfigProblemBuildItem.warning(property + " does not look like a Claude API key: Claude keys"
                        + " start with " + ApiKeyShape.PREFIX + ". Check that it holds the key from"
                        + " https://console.anthropic.com/settings/keys."));
            }
        });
        if (production) {
            client.otherProfileApiKeys().stream()
                    .filter(key -> key.writesAKey() && isPackaged(key.sourceName(), workingDirectory))
                    .forEach(key -> found.add(ConfigProblemBuildItem.warning(key.property()
                            + " holds a literal API key in " + key.sourceName() + ": this build does not use that"
                            + " profile, but the file is packaged into the application all the same. Keep keys for"
                            + " dev and test in a .env file or the environment (or, to accept the risk,"
                            + " quarkus.claude.allow-literal-api-key=true).")));
        }
        return found;
    }

    /**
     * Whether a configuration source ends up inside the application. The environment, system properties, a
     * {@code .env} file and {@code config/application.properties} in the working directory are read where the
     * application runs; anything else (application.properties, application.yaml, other class-path sources) is taken
     * as packaged.
     */
    static boolean isPackaged(String sourceName, Path workingDirectory) {
        if (sourceName == null) {
            return true;
        }
        String source = sourceName.toLowerCase(Locale.ROOT);
        if (source.contains("envconfigsource") || source.contains("syspropconfigsource")
                || source.contains("system properties") || source.contains("/.env]") || source.endsWith("/.env")
                || source.contains("dotenv")) {
            return false;
        }
        String workingConfig = workingDirectory.resolve("config").toUri().getPath().toLowerCase(Locale.ROOT);
        return !source.contains(workingConfig);
    }

    private static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir", ".")).toAbsolutePath();
    }
}
