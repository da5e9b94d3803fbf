package io.quarkiverse.claude.deployment.checks;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * One problem a configuration check found. Errors fail the build together, warnings are logged. A message names the
 * property, the bad value (never an API key) and the fix.
 */
public final class ConfigProblemBuildItem extends MultiBuildItem {

    public enum Severity {
        ERROR,
        WARNING
    }

    private final Severity severity;
    private final String message;

    private ConfigProblemBuildItem(Severity severity, String message) {
        this.severity = severity;
        this.message = message;
    }

    public static ConfigProblemBuildItem error(String message) {
        return new ConfigProblemBuildItem(Severity.ERROR, message);
    }

    public static ConfigProblemBuildItem warning(String message) {
        return new ConfigProblemBuildItem(Severity.WARNING, message);
    }

    public static ConfigProblemBuildItem of(boolean error, String message) {
        return error ? error(message) : warning(message);
    }

    public Severity severity() {
        return severity;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}
