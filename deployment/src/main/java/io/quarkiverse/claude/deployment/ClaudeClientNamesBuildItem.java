package io.quarkiverse.claude.deployment;

import java.util.Set;

import io.quarkus.builder.item.SimpleBuildItem;

/** The clients the application can inject: the default one, and every name used with {@code @ClaudeClientName}. */
public final class ClaudeClientNamesBuildItem extends SimpleBuildItem {

    private final Set<String> names;

    public ClaudeClientNamesBuildItem(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    public Set<String> names() {
        return names;
    }
}
