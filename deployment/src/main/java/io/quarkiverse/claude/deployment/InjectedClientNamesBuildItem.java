package io.quarkiverse.claude.deployment;

import java.util.List;
import java.util.Set;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The clients something in the application injects, read when bean discovery finishes, before unused beans are removed:
 * those must be configured at startup.
 */
public final class InjectedClientNamesBuildItem extends SimpleBuildItem {

    private final List<String> names;

    public InjectedClientNamesBuildItem(Set<String> names) {
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }
}
