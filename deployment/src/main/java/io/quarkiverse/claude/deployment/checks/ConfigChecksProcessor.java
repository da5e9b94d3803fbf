package io.quarkiverse.claude.deployment.checks;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.claude.deployment.ClaudeClientNamesBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Reads the clients' configuration once for all checks, then reports what the checks found: warnings in the build log,
 * errors as one build failure that lists them all.
 */
class ConfigChecksProcessor {

    static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.config-checks");

    @BuildStep
    ClaudeClientSettingsBuildItem readClientSettings(ClaudeClientNamesBuildItem names) {
        return new ClaudeClientSettingsBuildItem(ConfigReader.read(ConfigProvider.getConfig(), names.names()));
    }

    @BuildStep
    @Produce(ServiceStartBuildItem.class)
    void report(List<ConfigProblemBuildItem> problems) {
        problems.stream().filter(p -> p.severity() == ConfigProblemBuildItem.Severity.WARNING)
                .forEach(p -> LOG.warn(p.message()));
        List<String> errors = problems.stream().filter(p -> p.severity() == ConfigProblemBuildItem.Severity.ERROR)
                .map(ConfigProblemBuildItem::message).sorted().toList();
        if (errors.size() == 1) {
            throw new ConfigurationException(errors.get(0));
        }
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder(errors.size() + " problems in the Claude configuration:");
            for (int i = 0; i < errors.size(); i++) {
                message.append("\n  ").append(i + 1).append(") ").append(errors.get(i));
            }
            throw new ConfigurationException(message.toString());
        }
    }
}
